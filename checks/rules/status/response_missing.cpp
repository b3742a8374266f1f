// status.response-missing — RFC 9051 §6.3.11: "Responses: REQUIRED untagged responses:
// STATUS" — "The STATUS command requests the status of the indicated mailbox." (RFC 3501
// §6.3.10 lists the untagged STATUS response the same way.) A STATUS that completes with OK
// without one has answered nothing.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class StatusResponseMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"status.response-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.11",
                                  "STATUS completed with OK without an untagged STATUS "
                                  "response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kStatus};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kStatus ||
        r.status != analyzer::Status::kOk || cmd->seen(analyzer::UntaggedKind::kStatus) > 0) {
      return;
    }
    ctx().report(kInfo, info, "STATUS completed with OK but no untagged STATUS response was sent",
                 r.tag);
  }
};
IMAPSCOPE_RULE(StatusResponseMissing);

}  // namespace
}  // namespace imapscope::checks
