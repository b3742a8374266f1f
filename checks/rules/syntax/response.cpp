// syntax.response — RFC 9051 §9: server responses follow the formal syntax ("response"); a
// client cannot interpret one that does not (§2.2.2).
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class SyntaxResponse final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"syntax.response", Severity::kError, Side::kServer,
                                  "RFC 9051 §9, §2.2.2",
                                  "server response does not follow the formal syntax"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_syntax_error(const analyzer::SyntaxError& err,
                       const analyzer::MessageInfo& info) override {
    if (!err.deviation.empty()) return;  // a named deviation: its own rule reports it
    if (info.message.dir != capture::Direction::kServerToClient) return;
    std::string message = info.message.complete ? "" : "the stream ended inside the response; ";
    message += "expected " + err.expected + " at column " + std::to_string(err.column + 1);
    // A violation's column is in the message's first line, the one reports quote; an error on
    // a later line (after a literal) says which, and has no column there.
    if (err.line > 0) message += " of line " + std::to_string(err.line + 1) + " of the response";
    message += " (" + err.rule + ")";
    ctx().report(kInfo, info, std::move(message), {}, std::nullopt,
                 err.line == 0 ? std::optional<std::size_t>(err.column) : std::nullopt);
  }
};
IMAPSCOPE_RULE(SyntaxResponse);

}  // namespace
}  // namespace imapscope::checks
