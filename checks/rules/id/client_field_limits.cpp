// id.client-field-limits — RFC 2971 §3.3: "Field strings MUST NOT be longer than 30 octets.
// Value strings MUST NOT be longer than 1024 octets. Implementations MUST NOT send more than 30
// field-value pairs." Judged on the client's ID command.
#include "checks/rule.h"
#include "checks/rules/id/field_limits.h"

namespace imapscope::checks {
namespace {

class IdClientFieldLimits final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"id.client-field-limits", Severity::kError, Side::kClient,
                                  "RFC 2971 §3.3",
                                  "ID command with a field over 30 octets, a value over 1024 "
                                  "octets or more than 30 pairs"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kId}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kId || cmd.args.empty()) return;
    if (const auto broken = id_limits::broken_limit(cmd.args[0], info.message)) {
      ctx().report(kInfo, info, "ID command has " + *broken, cmd.tag);
    }
  }
};
IMAPSCOPE_RULE(IdClientFieldLimits);

}  // namespace
}  // namespace imapscope::checks
