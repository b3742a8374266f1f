#pragma once
// A rule for one named deviation of the strict grammar (analyzer/grammar/grammar.h): the
// validator recovered from it and set SyntaxError::deviation; the rule reports the ones its
// side sent. The generic syntax.command / syntax.response rules leave these alone.
#include <string>
#include <string_view>

#include "checks/rule.h"

namespace imapscope::checks {

template <const RuleInfo& Info, const char* Deviation>
class DeviationRule : public Rule {
 public:
  using Rule::Rule;
  const RuleInfo& info() const override { return Info; }

  void on_syntax_error(const analyzer::SyntaxError& err,
                       const analyzer::MessageInfo& info) override {
    const auto sender =
        info.message.dir == capture::Direction::kClientToServer ? Side::kClient : Side::kServer;
    if (err.deviation != std::string_view(Deviation) || sender != Info.side) return;
    ctx().report(Info, info,
                 "expected " + err.expected + " at column " + std::to_string(err.column + 1) +
                     " (" + err.rule + ")",
                 {}, std::nullopt,
                 // The column is in the message's first line, the one reports quote.
                 err.line == 0 ? std::optional<std::size_t>(err.column) : std::nullopt);
  }
};

}  // namespace imapscope::checks
