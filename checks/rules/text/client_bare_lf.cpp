// text.client-bare-lf — RFC 9051 §2.2: "All interactions transmitted by client and server are
// in the form of lines, that is, strings that end with a CRLF." The formal syntax ends every
// command line with CRLF (%x0D %x0A, RFC 5234), and RFC 9051 §9: "[ABNF] rules MUST be followed
// strictly".
// RFC 9051 §2.2.1: "Clients MUST follow the syntax outlined in this specification strictly."
// A line ending in LF alone breaks this. Reported once per message, at the message, naming its
// first such line (a message with literals has several lines).
#include "checks/rules/text/message_rule.h"

namespace imapscope::checks {
namespace {

class TextClientBareLf final : public MessageRule {
 public:
  static constexpr RuleInfo kInfo{"text.client-bare-lf", Severity::kError, Side::kClient,
                                  "RFC 9051 §2.2, §9",
                                  "client line ends in a bare LF instead of CRLF"};
  explicit TextClientBareLf(RuleContext& c) : MessageRule(c, capture::Direction::kClientToServer) {}
  const RuleInfo& info() const override { return kInfo; }

 protected:
  void check_message(const analyzer::MessageInfo& info) override {
    const analyzer::Message& m = info.message;
    for (std::size_t i = 0; i < m.lines.size(); ++i) {
      if (!m.lines[i].bare_lf) continue;
      const std::string which =
          m.lines.size() == 1 ? "the command" : "line " + std::to_string(i + 1) + " of the command";
      ctx().report(kInfo, info, which + " ends in LF without CR; IMAP lines end in CRLF");
      return;
    }
  }
};
IMAPSCOPE_RULE(TextClientBareLf);

}  // namespace
}  // namespace imapscope::checks
