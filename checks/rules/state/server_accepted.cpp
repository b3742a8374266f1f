// state.server-accepted — RFC 9051 §3: a command sent in a state that does not allow it is a
// protocol error, and "the server will respond with a BAD or NO ... command completion
// result". A tagged OK to it means the server ran a command it must not have. ENABLE is
// exempt: RFC 9051 §6.3.1 says servers "don't have to enforce" its authenticated-only rule.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class StateServerAccepted final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"state.server-accepted", Severity::kError, Side::kServer,
                                  "RFC 9051 §3",
                                  "server completes with OK a command its state does not "
                                  "allow"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    using analyzer::ConnectionState;
    if (cmd == nullptr || r.status != analyzer::Status::kOk || !cmd->parsed) return;
    if (cmd->id == CommandId::kUnknown || cmd->id == CommandId::kEnable) return;
    const ConnectionState now = session().state();
    if (now == ConnectionState::kLogout) return;
    const analyzer::CommandInfo& ci = analyzer::command_info(cmd->id);
    if (analyzer::state_allowed(ci.states, now)) return;
    ctx().report(kInfo, info,
                 "OK to " + cmd->name + " in " + std::string(analyzer::state_name(now)) +
                     " state, where it is not valid; expected NO or BAD",
                 r.tag);
  }
};
IMAPSCOPE_RULE(StateServerAccepted);

}  // namespace
}  // namespace imapscope::checks
