// literal.nonsync-not-advertised — RFC 7888 §3: "Non-synchronizing literals may be used with
// any IMAP server implementation that returns "LITERAL+" or "LITERAL-" as one of the supported
// capabilities to the CAPABILITY command.  If the server does not advertise either of the above
// capabilities, the client can only use synchronizing literals." Without them the {n+} form is
// outside the IMAP4rev1 grammar (RFC 3501 §9: literal = "{" number "}" CRLF *CHAR8), and
// RFC 3501 §2.2.1: "Clients MUST follow the syntax outlined in this specification strictly."
// IMAP4rev2 has the form built in (RFC 9051 §4.3: "Non-synchronizing literals defined in this
// document are the same as non-synchronizing literals defined by the LITERAL- extension"), so
// a server advertising IMAP4rev2 accepts it; its size limit is literal.nonsync-too-large's.
#include <limits>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class LiteralNonsyncNotAdvertised final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"literal.nonsync-not-advertised", Severity::kError, Side::kClient,
                                  "RFC 7888 §3, RFC 3501 §2.2.1, §9",
                                  "client sends a non-synchronizing literal {n+} to a server that "
                                  "advertises neither LITERAL+, LITERAL- nor IMAP4rev2"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_literal_announced(const analyzer::Literal& literal,
                            const analyzer::MessageInfo& info) override {
    if (info.message.dir != capture::Direction::kClientToServer ||
        literal.kind != analyzer::LiteralKind::kNonSynchronizing) {
      return;
    }
    if (info.message.offset == reported_) return;  // once per command
    if (session().has_capability("LITERAL+") || session().has_capability("LITERAL-") ||
        session().has_capability("IMAP4rev2")) {
      return;
    }
    reported_ = info.message.offset;  // once per command
    ctx().report(kInfo, info,
                 "non-synchronizing literal {" + std::to_string(literal.size) +
                     "+}, but the server advertises neither LITERAL+, LITERAL- nor IMAP4rev2; "
                     "only synchronizing literals {n} may be used");
  }

 private:
  std::uint64_t reported_ = std::numeric_limits<std::uint64_t>::max();
};
IMAPSCOPE_RULE(LiteralNonsyncNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
