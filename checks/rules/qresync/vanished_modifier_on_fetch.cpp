// qresync.vanished-modifier-on-fetch — RFC 7162 §3.2.6: "Note that the VANISHED UID FETCH
// modifier is NOT allowed with a FETCH command." VANISHED reports UIDs, which a
// sequence-number FETCH does not deal in.
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedModifierOnFetch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-modifier-on-fetch", Severity::kError,
                                  Side::kClient, "RFC 7162 §3.2.6",
                                  "client sends FETCH (not UID FETCH) with the VANISHED "
                                  "modifier"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kFetch}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kFetch || !command_args::fetch_modifier(cmd, "VANISHED")) {
      return;
    }
    ctx().report(kInfo, info, "FETCH with the VANISHED modifier; only UID FETCH allows it",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(QresyncVanishedModifierOnFetch);

}  // namespace
}  // namespace imapscope::checks
