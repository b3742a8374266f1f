// qresync.vanished-without-changedsince — RFC 7162 §3.2.6: "The VANISHED UID FETCH modifier MUST
// only be specified together with the CHANGEDSINCE UID FETCH modifier."
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedWithoutChangedsince final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-without-changedsince", Severity::kError,
                                  Side::kClient, "RFC 7162 §3.2.6",
                                  "client sends the VANISHED FETCH modifier without "
                                  "CHANGEDSINCE"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kFetch, analyzer::CommandId::kUidFetch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (!command_args::fetch_modifier(cmd, "VANISHED") ||
        command_args::fetch_modifier(cmd, "CHANGEDSINCE")) {
      return;
    }
    ctx().report(kInfo, info, cmd.name + " has the VANISHED modifier without CHANGEDSINCE",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(QresyncVanishedWithoutChangedsince);

}  // namespace
}  // namespace imapscope::checks
