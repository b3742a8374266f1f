// text.client-nul — RFC 9051 §9, note 3: "The ASCII NUL character, %x00, MUST NOT be used
// anywhere, with the exception of the OCTET production." (RFC 3501 §9: "The ASCII NUL
// character, %x00, MUST NOT be used at any time.") OCTET appears only in literal8 (~{n}), so
// a NUL in a command line, outside every literal, is never allowed. Reported once per
// message, at the message; the report gives the line and column but not the text around it
// (the line may be an AUTHENTICATE credential).
#include "checks/rules/text/message_rule.h"

namespace imapscope::checks {
namespace {

class TextClientNul final : public MessageRule {
 public:
  static constexpr RuleInfo kInfo{"text.client-nul", Severity::kError, Side::kClient,
                                  "RFC 9051 §9, RFC 3501 §9",
                                  "NUL octet in a client line (outside literals)"};
  explicit TextClientNul(RuleContext& c) : MessageRule(c, capture::Direction::kClientToServer) {}
  const RuleInfo& info() const override { return kInfo; }

 protected:
  void check_message(const analyzer::MessageInfo& info) override {
    const analyzer::Message& m = info.message;
    for (std::size_t i = 0; i < m.lines.size(); ++i) {
      const std::size_t at = m.line_text(i).find('\0');
      if (at == std::string_view::npos) continue;
      const std::string which =
          m.lines.size() == 1 ? "the command" : "line " + std::to_string(i + 1) + " of the command";
      // The column points into the excerpt only when it is the first line, shown unredacted.
      std::optional<std::size_t> column;
      if (i == 0 && m.redactions.empty()) column = at;
      ctx().report(kInfo, info,
                   "NUL octet at column " + std::to_string(at + 1) + " of " + which +
                       "; %x00 is allowed only inside a binary literal ~{n}",
                   {}, std::nullopt, column);
      return;
    }
  }
};
IMAPSCOPE_RULE(TextClientNul);

}  // namespace
}  // namespace imapscope::checks
