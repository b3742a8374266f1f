// select.list-missing — RFC 9051 §6.3.2: "The server MUST return a LIST response with the mailbox
// name" (IMAP4rev2 only; RFC 3501 has no such requirement).
#include "checks/rule.h"
#include "checks/rules/select/selection.h"

namespace imapscope::checks {
namespace {

class SelectListMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{
      "select.list-missing", Severity::kError, Side::kServer, "RFC 9051 §6.3.2",
      "IMAP4rev2 SELECT or EXAMINE completed without an untagged LIST response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (!completes_selection(r, cmd)) return;
    if (!session().imap4rev2_in_force() || cmd->seen(analyzer::UntaggedKind::kList) > 0) return;
    ctx().report(kInfo, info,
                 cmd->name + " completed without the untagged LIST response IMAP4rev2 requires",
                 r.tag);
  }
};
IMAPSCOPE_RULE(SelectListMissing);

}  // namespace
}  // namespace imapscope::checks
