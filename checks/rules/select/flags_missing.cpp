// select.flags-missing — RFC 9051 §6.3.2, RFC 3501 §6.3.1: FLAGS is a REQUIRED untagged response to
// SELECT and EXAMINE ("Before returning an OK to the client, the server MUST send the following
// untagged data").
#include "checks/rule.h"
#include "checks/rules/select/selection.h"

namespace imapscope::checks {
namespace {

class SelectFlagsMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"select.flags-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.2, RFC 3501 §6.3.1",
                                  "SELECT or EXAMINE completed without an untagged FLAGS response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (!completes_selection(r, cmd)) return;
    if (cmd->seen(analyzer::UntaggedKind::kFlags) > 0) return;
    ctx().report(kInfo, info, cmd->name + " completed without the REQUIRED untagged FLAGS response",
                 r.tag);
  }
};
IMAPSCOPE_RULE(SelectFlagsMissing);

}  // namespace
}  // namespace imapscope::checks
