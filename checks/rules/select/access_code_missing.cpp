// select.access-code-missing — RFC 9051 §6.3.2: "If the client is permitted to modify the
// mailbox, the server SHOULD prefix the text of the tagged OK response with the "[READ-WRITE]"
// response code", and MUST use "[READ-ONLY]" otherwise. A SELECT completed with neither leaves
// the client guessing whether it may change the mailbox.
#include "checks/rule.h"
#include "checks/rules/select/selection.h"

namespace imapscope::checks {
namespace {

class SelectAccessCodeMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"select.access-code-missing", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §6.3.2",
                                  "SELECT completed without a [READ-WRITE] or [READ-ONLY] code"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (!completes_selection(r, cmd) || cmd->id != analyzer::CommandId::kSelect) return;
    if (has_code(r, "READ-WRITE") || has_code(r, "READ-ONLY")) return;
    ctx().report(kInfo, info, "SELECT completed without a [READ-WRITE] or [READ-ONLY] code", r.tag);
  }
};
IMAPSCOPE_RULE(SelectAccessCodeMissing);

}  // namespace
}  // namespace imapscope::checks
