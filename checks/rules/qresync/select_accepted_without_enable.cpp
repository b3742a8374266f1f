// qresync.select-accepted-without-enable — RFC 7162 §3.2.5: "A server MUST respond with a tagged
// BAD response if the Quick Resynchronization parameter to the SELECT/EXAMINE command is
// specified and the client hasn't issued "ENABLE QRESYNC" in the current connection, or the
// server has not positively responded to that command with the untagged ENABLED response
// containing QRESYNC." Judged at the completion, so an ENABLE pipelined before the SELECT counts.
#include "checks/rules/command_args.h"
#include "checks/rules/must_reject.h"

namespace imapscope::checks {
namespace {

class QresyncSelectAcceptedWithoutEnable final : public MustRejectRule {
 public:
  static constexpr RuleInfo kInfo{"qresync.select-accepted-without-enable", Severity::kError,
                                  Side::kServer, "RFC 7162 §3.2.5",
                                  "SELECT/EXAMINE with the QRESYNC parameter completed with OK "
                                  "although QRESYNC was not enabled"};
  using MustRejectRule::MustRejectRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    using analyzer::CommandId;
    return {CommandId::kSelect, CommandId::kExamine};
  }

 protected:
  std::optional<std::string> offence(const analyzer::Command& cmd) override {
    if (!command_args::select_parameter(cmd, "QRESYNC")) return std::nullopt;
    return std::string("it has the QRESYNC parameter and QRESYNC was not enabled");
  }
  bool still_offending() const override { return !session().is_enabled("QRESYNC"); }
};
IMAPSCOPE_RULE(QresyncSelectAcceptedWithoutEnable);

}  // namespace
}  // namespace imapscope::checks
