// enable.enabled-missing — RFC 9051 §6.3.1: "If the ENABLE command is successful, the server
// MUST send an untagged ENABLED response (Section 7.2.1), which includes all enabled
// extensions as specified above. The ENABLED response is sent even if no extensions were
// enabled." (RFC 5161 §3.1: "If the ENABLE command is successful, the server MUST send an
// untagged ENABLED response".)
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class EnableEnabledMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"enable.enabled-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.1",
                                  "ENABLE completed with OK without an untagged ENABLED "
                                  "response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kEnable};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kEnable ||
        r.status != analyzer::Status::kOk || cmd->seen(analyzer::UntaggedKind::kEnabled) > 0) {
      return;
    }
    ctx().report(kInfo, info,
                 "ENABLE completed with OK but no untagged ENABLED response was sent (it is "
                 "required even when nothing was enabled)",
                 r.tag);
  }
};
IMAPSCOPE_RULE(EnableEnabledMissing);

}  // namespace
}  // namespace imapscope::checks
