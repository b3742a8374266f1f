// qresync.vanished-modifier-accepted-without-enable — RFC 7162 §3.2.6: "A server MUST respond
// with a tagged BAD response if the VANISHED UID FETCH modifier is specified and the client
// hasn't issued "ENABLE QRESYNC" in the current connection."
#include "checks/rules/command_args.h"
#include "checks/rules/must_reject.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedModifierAcceptedWithoutEnable final : public MustRejectRule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-modifier-accepted-without-enable",
                                  Severity::kError, Side::kServer, "RFC 7162 §3.2.6",
                                  "UID FETCH with the VANISHED modifier completed with OK "
                                  "although QRESYNC was not enabled"};
  using MustRejectRule::MustRejectRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    using analyzer::CommandId;
    return {CommandId::kUidFetch};
  }

 protected:
  std::optional<std::string> offence(const analyzer::Command& cmd) override {
    if (cmd.id != analyzer::CommandId::kUidFetch ||
        !command_args::fetch_modifier(cmd, "VANISHED")) {
      return std::nullopt;
    }
    return std::string("it has the VANISHED modifier and QRESYNC was not enabled");
  }
  bool still_offending() const override { return !session().is_enabled("QRESYNC"); }
};
IMAPSCOPE_RULE(QresyncVanishedModifierAcceptedWithoutEnable);

}  // namespace
}  // namespace imapscope::checks
