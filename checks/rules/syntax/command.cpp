// syntax.command — RFC 9051 §2.2.1: "Clients MUST follow the syntax outlined in this
// specification strictly." A command that does not parse against §9 "command".
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class SyntaxCommand final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"syntax.command", Severity::kError, Side::kClient,
                                  "RFC 9051 §2.2.1, §9",
                                  "client command does not follow the formal syntax"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_syntax_error(const analyzer::SyntaxError& err,
                       const analyzer::MessageInfo& info) override {
    if (info.message.dir != capture::Direction::kClientToServer || err.rule == "tag") return;
    std::string message = info.message.complete ? "" : "the stream ended inside the command; ";
    message += "expected " + err.expected + " at column " + std::to_string(err.column + 1) + " (" +
               err.rule + ")";
    ctx().report(kInfo, info, std::move(message), {}, std::nullopt, err.column);
  }
};
IMAPSCOPE_RULE(SyntaxCommand);

}  // namespace
}  // namespace imapscope::checks
