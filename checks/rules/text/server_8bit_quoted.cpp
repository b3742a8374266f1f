// text.server-8bit-quoted — which octets a server's quoted string may hold depends on what the
// client turned on:
// - Neither IMAP4rev2 nor UTF8=ACCEPT: RFC 3501 §9 QUOTED-CHAR is 7-bit (TEXT-CHAR = <any CHAR
//   except CR and LF>, CHAR = %x01-7F), and "[ABNF] rules MUST be followed strictly". RFC 6855
//   §3: "The IMAP server MUST NOT send UTF-8 in quoted-strings to the client unless the client
//   has indicated support for that syntax by using the "ENABLE UTF8=ACCEPT" command." RFC 9051
//   Appendix A: "Servers advertising both IMAP4rev1 and IMAP4rev2 MUST NOT generate
//   UTF-8-quoted strings unless the client has issued "ENABLE IMAP4rev2"."
// - IMAP4rev2 in force (enabled, or the server offers nothing older) or UTF8=ACCEPT enabled:
//   RFC 9051 §9 QUOTED-CHAR (and RFC 6855 §3 uQUOTED-CHAR) add UTF8-2 / UTF8-3 / UTF8-4 only,
//   and RFC 9051 §9: "[ABNF] rules MUST be followed strictly"; malformed UTF-8 (RFC 3629 §4)
//   is still outside the grammar.
// Reported once per response.
#include "checks/rule.h"
#include "checks/rules/text/quoted_text.h"

namespace imapscope::checks {
namespace {

class TextServer8bitQuoted final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"text.server-8bit-quoted", Severity::kError, Side::kServer,
                                  "RFC 6855 §3; RFC 9051 §4.3.1, §9, Appendix A; RFC 3501 §9",
                                  "server quoted string with 8-bit octets the client did not "
                                  "enable (any without IMAP4rev2 or UTF8=ACCEPT, malformed "
                                  "UTF-8 with them)"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    const bool utf8 = session().imap4rev2_in_force() || session().is_enabled("UTF8=ACCEPT");
    const analyzer::Arg* bad = find_bad_quoted(r.args, utf8);
    if (bad == nullptr) return;
    const ArgPosition pos = arg_position(info.message, *bad);
    std::string where = "the quoted string at column " + std::to_string(pos.column + 1);
    if (pos.line > 0) where += " of line " + std::to_string(pos.line + 1) + " of the response";
    std::optional<std::size_t> column;
    if (pos.line == 0) column = pos.column;
    ctx().report(kInfo, info,
                 utf8 ? where + " is not well-formed UTF-8"
                      : where +
                            " has 8-bit octets, but the client enabled neither IMAP4rev2 "
                            "nor UTF8=ACCEPT; it must be sent as a literal",
                 {}, std::nullopt, column);
  }
};
IMAPSCOPE_RULE(TextServer8bitQuoted);

}  // namespace
}  // namespace imapscope::checks
