// qresync.vanished-modifier-accepted-on-fetch — RFC 7162 §3.2.6: "Note that the VANISHED UID
// FETCH modifier is NOT allowed with a FETCH command. The server MUST return a tagged BAD
// response if this response is specified as a modifier to the FETCH command."
#include "checks/rules/command_args.h"
#include "checks/rules/must_reject.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedModifierAcceptedOnFetch final : public MustRejectRule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-modifier-accepted-on-fetch", Severity::kError,
                                  Side::kServer, "RFC 7162 §3.2.6",
                                  "FETCH (not UID FETCH) with the VANISHED modifier completed "
                                  "with OK"};
  using MustRejectRule::MustRejectRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    using analyzer::CommandId;
    return {CommandId::kFetch};
  }

 protected:
  std::optional<std::string> offence(const analyzer::Command& cmd) override {
    if (cmd.id != analyzer::CommandId::kFetch || !command_args::fetch_modifier(cmd, "VANISHED")) {
      return std::nullopt;
    }
    return std::string("VANISHED is a UID FETCH modifier only");
  }
};
IMAPSCOPE_RULE(QresyncVanishedModifierAcceptedOnFetch);

}  // namespace
}  // namespace imapscope::checks
