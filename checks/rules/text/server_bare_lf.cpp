// text.server-bare-lf — RFC 9051 §2.2: "All interactions transmitted by client and server are
// in the form of lines, that is, strings that end with a CRLF." The formal syntax ends every
// response line with CRLF (%x0D %x0A, RFC 5234), and RFC 9051 §9: "[ABNF] rules MUST be followed
// strictly".
// A line ending in LF alone breaks this. Reported once per message, at the message, naming its
// first such line (a message with literals has several lines).
#include "checks/rules/text/message_rule.h"

namespace imapscope::checks {
namespace {

class TextServerBareLf final : public MessageRule {
 public:
  static constexpr RuleInfo kInfo{"text.server-bare-lf", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.2, §9",
                                  "server line ends in a bare LF instead of CRLF"};
  explicit TextServerBareLf(RuleContext& c) : MessageRule(c, capture::Direction::kServerToClient) {}
  const RuleInfo& info() const override { return kInfo; }

 protected:
  void check_message(const analyzer::MessageInfo& info) override {
    const analyzer::Message& m = info.message;
    for (std::size_t i = 0; i < m.lines.size(); ++i) {
      if (!m.lines[i].bare_lf) continue;
      const std::string which = m.lines.size() == 1
                                    ? "the response"
                                    : "line " + std::to_string(i + 1) + " of the response";
      ctx().report(kInfo, info, which + " ends in LF without CR; IMAP lines end in CRLF");
      return;
    }
  }
};
IMAPSCOPE_RULE(TextServerBareLf);

}  // namespace
}  // namespace imapscope::checks
