// qresync.used-without-enable — RFC 7162 §3.2.3: "A client making use of QRESYNC MUST issue
// "ENABLE QRESYNC" once it is authenticated." Judged at the QRESYNC SELECT/EXAMINE parameter
// and the VANISHED UID FETCH modifier; an ENABLE naming QRESYNC sent earlier (even if still
// in progress: RFC 5161 §3.1 allows pipelining ENABLE) satisfies it.
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class QresyncUsedWithoutEnable final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.used-without-enable", Severity::kError, Side::kClient,
                                  "RFC 7162 §3.2.3",
                                  "client uses the QRESYNC parameter or the VANISHED modifier "
                                  "without having sent ENABLE QRESYNC"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kEnable, analyzer::CommandId::kSelect,
            analyzer::CommandId::kExamine, analyzer::CommandId::kFetch,
            analyzer::CommandId::kUidFetch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id == analyzer::CommandId::kEnable) {
      for (const analyzer::Arg& a : cmd.args) {
        if (a.is_atom("QRESYNC")) enable_sent_ = true;
      }
      return;
    }
    if (enable_sent_ || session().is_enabled("QRESYNC") || session().started_after_login()) {
      return;
    }
    const char* use = nullptr;
    if (command_args::select_parameter(cmd, "QRESYNC"))
      use = " with the QRESYNC parameter";
    else if (command_args::fetch_modifier(cmd, "VANISHED"))
      use = " with the VANISHED modifier";
    if (use == nullptr) return;
    ctx().report(kInfo, info, cmd.name + use + " sent, but the client never sent ENABLE QRESYNC",
                 cmd.tag);
  }

 private:
  bool enable_sent_ = false;
};
IMAPSCOPE_RULE(QresyncUsedWithoutEnable);

}  // namespace
}  // namespace imapscope::checks
