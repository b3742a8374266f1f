// text.server-nul — RFC 9051 §9, note 3: "The ASCII NUL character, %x00, MUST NOT be used
// anywhere, with the exception of the OCTET production." (RFC 3501 §9: "The ASCII NUL
// character, %x00, MUST NOT be used at any time.") OCTET appears only in literal8 (~{n}), so
// a NUL in a response line, outside every literal, is never allowed. Reported once per
// message, at the message, with the line and column of the first NUL.
#include "checks/rules/text/message_rule.h"

namespace imapscope::checks {
namespace {

class TextServerNul final : public MessageRule {
 public:
  static constexpr RuleInfo kInfo{"text.server-nul", Severity::kError, Side::kServer,
                                  "RFC 9051 §9, RFC 3501 §9",
                                  "NUL octet in a server line (outside literals)"};
  explicit TextServerNul(RuleContext& c) : MessageRule(c, capture::Direction::kServerToClient) {}
  const RuleInfo& info() const override { return kInfo; }

 protected:
  void check_message(const analyzer::MessageInfo& info) override {
    const analyzer::Message& m = info.message;
    for (std::size_t i = 0; i < m.lines.size(); ++i) {
      const std::size_t at = m.line_text(i).find('\0');
      if (at == std::string_view::npos) continue;
      const std::string which = m.lines.size() == 1
                                    ? "the response"
                                    : "line " + std::to_string(i + 1) + " of the response";
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
IMAPSCOPE_RULE(TextServerNul);

}  // namespace
}  // namespace imapscope::checks
