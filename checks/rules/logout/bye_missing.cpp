// logout.bye-missing — RFC 9051 §6.1.3 (and RFC 3501 §6.1.3): "The server MUST send a BYE
// untagged response before the (tagged) OK response" to LOGOUT.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class LogoutByeMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"logout.bye-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.1.3",
                                  "LOGOUT completed with OK without an untagged BYE before it"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kLogout};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kLogout ||
        r.status != analyzer::Status::kOk || cmd->seen(analyzer::UntaggedKind::kBye) > 0) {
      return;
    }
    ctx().report(kInfo, info, "LOGOUT completed with OK but no untagged BYE was sent before it",
                 r.tag);
  }
};
IMAPSCOPE_RULE(LogoutByeMissing);

}  // namespace
}  // namespace imapscope::checks
