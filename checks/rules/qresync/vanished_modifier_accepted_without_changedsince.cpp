// qresync.vanished-modifier-accepted-without-changedsince — RFC 7162 §3.2.6: "If the VANISHED
// UID FETCH modifier is used without the CHANGEDSINCE UID FETCH modifier, the server MUST
// respond with a tagged BAD response."
#include "checks/rules/command_args.h"
#include "checks/rules/must_reject.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedModifierAcceptedWithoutChangedsince final : public MustRejectRule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-modifier-accepted-without-changedsince",
                                  Severity::kError, Side::kServer, "RFC 7162 §3.2.6",
                                  "UID FETCH with VANISHED but without CHANGEDSINCE completed "
                                  "with OK"};
  using MustRejectRule::MustRejectRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    using analyzer::CommandId;
    return {CommandId::kUidFetch};
  }

 protected:
  std::optional<std::string> offence(const analyzer::Command& cmd) override {
    if (cmd.id != analyzer::CommandId::kUidFetch ||
        !command_args::fetch_modifier(cmd, "VANISHED") ||
        command_args::fetch_modifier(cmd, "CHANGEDSINCE")) {
      return std::nullopt;
    }
    return std::string("it has the VANISHED modifier without CHANGEDSINCE");
  }
};
IMAPSCOPE_RULE(QresyncVanishedModifierAcceptedWithoutChangedsince);

}  // namespace
}  // namespace imapscope::checks
