// text.client-8bit-quoted — which octets a quoted string may hold depends on the grammar in
// force:
// - IMAP4rev1: RFC 3501 §9 quoted = DQUOTE *QUOTED-CHAR DQUOTE, QUOTED-CHAR = <any TEXT-CHAR
//   except quoted-specials>, TEXT-CHAR = <any CHAR except CR and LF>, CHAR = %x01-7F; §4.3:
//   "A quoted string is a sequence of zero or more 7-bit characters". §2.2.1: "Clients MUST
//   follow the syntax outlined in this specification strictly." So no octet >= 0x80.
// - UTF8=ACCEPT: RFC 6855 §3: "If the server supports "UTF8=ACCEPT", the client MAY use
//   extended quoted syntax", uQUOTED-CHAR = QUOTED-CHAR / UTF8-2 / UTF8-3 / UTF8-4, and "the
//   server MUST reject, with a "BAD" response, any octet sequences with the high bit set that
//   fail to comply with the formal syntax requirements of UTF-8". The server advertising it
//   is enough for the client (ENABLE UTF8=ACCEPT governs what the server may send).
// - IMAP4rev2: RFC 9051 §9 QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> / "\"
//   quoted-specials / UTF8-2 / UTF8-3 / UTF8-4, and §4.3.1: "IMAP4rev2 implementations MUST
//   accept and MAY transmit [UTF-8] text in quoted-strings".
// So 8-bit octets are reported unless IMAP4rev2 is in force or the server supports UTF8=ACCEPT
// (or UTF8=ONLY, which implies it), and then only when they are not well-formed UTF-8
// (RFC 3629 §4). Reported once per command; the string itself is not shown (it may be a
// password).
#include "checks/rule.h"
#include "checks/rules/text/quoted_text.h"

namespace imapscope::checks {
namespace {

class TextClient8bitQuoted final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"text.client-8bit-quoted", Severity::kError, Side::kClient,
                                  "RFC 3501 §9, §2.2.1; RFC 9051 §9, §4.3.1; RFC 6855 §3",
                                  "client quoted string with 8-bit octets the grammar in force "
                                  "does not allow (any under IMAP4rev1, malformed UTF-8 under "
                                  "IMAP4rev2 or UTF8=ACCEPT)"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    // Most commands carry no 8-bit quoted string at all (any 8-bit one is bad without UTF-8):
    // looked for before the capabilities are, as this runs on every command.
    const analyzer::Arg* bad = find_bad_quoted(cmd.args, false);
    if (bad == nullptr) return;
    const bool utf8 = session().imap4rev2_in_force() || session().has_capability("UTF8=ACCEPT") ||
                      session().has_capability("UTF8=ONLY") || session().is_enabled("UTF8=ACCEPT");
    if (utf8) bad = find_bad_quoted(cmd.args, true);  // only malformed UTF-8 counts then
    if (bad == nullptr) return;
    const ArgPosition pos = arg_position(info.message, *bad);
    std::string where = "the quoted string at column " + std::to_string(pos.column + 1);
    if (pos.line > 0) where += " of line " + std::to_string(pos.line + 1) + " of the command";
    std::optional<std::size_t> column;
    if (pos.line == 0 && info.message.redactions.empty()) column = pos.column;
    ctx().report(kInfo, info,
                 utf8 ? where + " is not well-formed UTF-8"
                      : where +
                            " has 8-bit octets, which IMAP4rev1 quoted strings cannot carry "
                            "(neither IMAP4rev2 nor UTF8=ACCEPT is in force); send it as a "
                            "literal",
                 cmd.tag, std::nullopt, column);
  }
};
IMAPSCOPE_RULE(TextClient8bitQuoted);

}  // namespace
}  // namespace imapscope::checks
