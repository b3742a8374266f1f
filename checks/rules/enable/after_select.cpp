// enable.after-select — RFC 5161 §3.1: "Clients MUST NOT issue ENABLE once they SELECT/EXAMINE
// a mailbox". ENABLE while a mailbox is selected is state.command-not-allowed's; this rule
// judges an ENABLE sent after a successful SELECT/EXAMINE when the mailbox was closed again
// (CLOSE, UNSELECT), which the state rules allow.
#include <optional>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class EnableAfterSelect final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"enable.after-select", Severity::kError, Side::kClient,
                                  "RFC 5161 §3.1",
                                  "client sends ENABLE after it has selected a mailbox"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kEnable};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kEnable || !selected_) return;
    if (session().state() == analyzer::ConnectionState::kSelected) return;
    ctx().report(kInfo, info, "ENABLE sent after a mailbox was selected" + place_note(*selected_),
                 cmd.tag);
  }
  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr || r.status != analyzer::Status::kOk || selected_) return;
    if (cmd->id == analyzer::CommandId::kSelect || cmd->id == analyzer::CommandId::kExamine) {
      selected_ = cmd->origin;
    }
  }

 private:
  std::optional<capture::Origin> selected_;  // of the first SELECT/EXAMINE that succeeded
};
IMAPSCOPE_RULE(EnableAfterSelect);

}  // namespace
}  // namespace imapscope::checks
