// select.permanentflags-missing — RFC 9051 §6.3.2, RFC 3501 §6.3.1: OK [PERMANENTFLAGS (...)] is a
// REQUIRED OK untagged response to SELECT and EXAMINE.
#include "checks/rule.h"
#include "checks/rules/select/selection.h"

namespace imapscope::checks {
namespace {

class SelectPermanentflagsMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{
      "select.permanentflags-missing", Severity::kError, Side::kServer,
      "RFC 9051 §6.3.2, RFC 3501 §6.3.1",
      "SELECT or EXAMINE completed without an OK [PERMANENTFLAGS] response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (!completes_selection(r, cmd)) return;
    const analyzer::SelectedMailbox* mb = session().mailbox();
    if ((mb != nullptr && mb->permanent_flags()) || has_code(r, "PERMANENTFLAGS")) return;
    ctx().report(kInfo, info,
                 cmd->name + " completed without the REQUIRED OK [PERMANENTFLAGS] response", r.tag);
  }
};
IMAPSCOPE_RULE(SelectPermanentflagsMissing);

}  // namespace
}  // namespace imapscope::checks
