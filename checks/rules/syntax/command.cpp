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
    // A response sent by the client has its own rule (syntax.client-sent-response); the other
    // named deviations are server-side rules, so a client's are reported here.
    if (err.deviation == "wrong-side") return;
    if (info.message.dir != capture::Direction::kClientToServer || err.rule == "tag") return;
    std::string message = info.message.complete ? "" : "the stream ended inside the command; ";
    if (!err.deviation.empty()) message += err.deviation + ": ";
    message += "expected " + err.expected + " at column " + std::to_string(err.column + 1);
    // A violation's column is in the message's first line, the one reports quote; an error on
    // a later line (after a literal) says which, and has no column there.
    if (err.line > 0) message += " of line " + std::to_string(err.line + 1) + " of the command";
    message += " (" + err.rule + ")";
    ctx().report(kInfo, info, std::move(message), {}, std::nullopt,
                 err.line == 0 ? std::optional<std::size_t>(err.column) : std::nullopt);
  }
};
IMAPSCOPE_RULE(SyntaxCommand);

}  // namespace
}  // namespace imapscope::checks
