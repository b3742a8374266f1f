// select.recent-missing — RFC 3501 §6.3.1: RECENT is a REQUIRED untagged response in IMAP4rev1;
// IMAP4rev2 removed it (RFC 9051 Appendix E).
#include "checks/rule.h"
#include "checks/rules/select/selection.h"

namespace imapscope::checks {
namespace {

class SelectRecentMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{
      "select.recent-missing", Severity::kError, Side::kServer, "RFC 3501 §6.3.1",
      "IMAP4rev1 SELECT or EXAMINE completed without an untagged RECENT response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (!completes_selection(r, cmd)) return;
    if (session().imap4rev2_in_force() || ctx().profile() == Profile::kImap4rev2 ||
        cmd->seen(analyzer::UntaggedKind::kRecent) > 0)
      return;
    ctx().report(kInfo, info,
                 cmd->name + " completed without the untagged RECENT response IMAP4rev1 requires",
                 r.tag);
  }
};
IMAPSCOPE_RULE(SelectRecentMissing);

}  // namespace
}  // namespace imapscope::checks
