// select.examine-read-only-missing — RFC 9051 §6.3.3 (RFC 3501 §6.3.2): "The text of the
// tagged OK response to the EXAMINE command MUST begin with the "[READ-ONLY]" response code."
#include "checks/rule.h"
#include "checks/rules/select/selection.h"

namespace imapscope::checks {
namespace {

class SelectExamineReadOnlyMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"select.examine-read-only-missing", Severity::kError,
                                  Side::kServer, "RFC 9051 §6.3.3, RFC 3501 §6.3.2",
                                  "EXAMINE completed without the [READ-ONLY] code"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (!completes_selection(r, cmd) || cmd->id != analyzer::CommandId::kExamine) return;
    if (has_code(r, "READ-ONLY")) return;
    ctx().report(kInfo, info, "EXAMINE's tagged OK does not begin with [READ-ONLY]", r.tag);
  }
};
IMAPSCOPE_RULE(SelectExamineReadOnlyMissing);

}  // namespace
}  // namespace imapscope::checks
