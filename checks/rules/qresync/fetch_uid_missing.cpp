// qresync.fetch-uid-missing — RFC 7162 §3.2.4 (Additional Requirements on QRESYNC Servers):
// "Once a CONDSTORE enabling command is issued by the client, the server MUST automatically
// include both UID and mod-sequence data in all subsequent untagged FETCH responses (until the
// connection is closed), whether they were caused by a regular STORE/UID STORE, ... or an
// external agent. Note that this rule doesn't affect untagged FETCH responses caused by a FETCH
// command". Judged for servers advertising QRESYNC on the FETCH responses no FETCH command
// asked for; the missing MODSEQ is condstore.fetch-modseq-missing's.
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class QresyncFetchUidMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.fetch-uid-missing", Severity::kError, Side::kServer,
                                  "RFC 7162 §3.2.4",
                                  "QRESYNC server's FETCH response not caused by a FETCH lacks "
                                  "UID although the client is CONDSTORE-aware"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return command_args::kCondstoreEnabling;
  }
  // Only these commands' tags are followed to their completion.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    awareness_.on_command(cmd);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    awareness_.on_completion(r, cmd);
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr || !info.fetch->well_formed || info.fetch->uid) return;
    if (!session().has_capability("QRESYNC") || !awareness_.aware(session())) return;
    if (command_args::fetch_or_select_in_flight(session())) return;
    ctx().report(kInfo, info,
                 "FETCH of message " + std::to_string(r.number) +
                     " lacks the UID item although the client issued a CONDSTORE enabling "
                     "command");
  }

 private:
  command_args::CondstoreAwareness awareness_;
};
IMAPSCOPE_RULE(QresyncFetchUidMissing);

}  // namespace
}  // namespace imapscope::checks
