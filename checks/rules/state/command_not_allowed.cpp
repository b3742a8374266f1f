// state.command-not-allowed — RFC 9051 §3: "It is a protocol error for the client to attempt
// a command while the connection is in an inappropriate state"; §6 lists the states each
// command is valid in. A pipelined command is judged against the state the commands still in
// progress would lead to if they succeed, as well as the current one (§5.5).
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

using analyzer::CommandId;
using analyzer::ConnectionState;

ConnectionState after_success(ConnectionState s, CommandId id) {
  switch (id) {
    case CommandId::kLogin:
    case CommandId::kAuthenticate:
      return s == ConnectionState::kNotAuthenticated ? ConnectionState::kAuthenticated : s;
    case CommandId::kSelect:
    case CommandId::kExamine:
      return ConnectionState::kSelected;
    case CommandId::kClose:
    case CommandId::kUnselect:
      return ConnectionState::kAuthenticated;
    case CommandId::kUnauthenticate:
      return ConnectionState::kNotAuthenticated;
    default:
      return s;
  }
}

class StateCommandNotAllowed final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"state.command-not-allowed", Severity::kError, Side::kClient,
                                  "RFC 9051 §3, §6",
                                  "client sends a command in a state that does not allow it"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    const analyzer::CommandInfo& ci = analyzer::command_info(cmd.id);
    const ConnectionState now = session().state();
    if (cmd.id == CommandId::kUnknown || now == ConnectionState::kLogout) return;
    if (analyzer::state_allowed(ci.states, now)) return;
    ConnectionState expected = now;
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      expected = after_success(expected, c.id);
    }
    if (analyzer::state_allowed(ci.states, expected)) return;
    ctx().report(kInfo, info,
                 cmd.name + " is not valid in " + std::string(analyzer::state_name(now)) +
                     " state (" + std::string(ci.rfc) + ")",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(StateCommandNotAllowed);

}  // namespace
}  // namespace imapscope::checks
