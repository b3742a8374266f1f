// qresync.vanished-earlier-unrequested — RFC 7162 §3.2.10: "The VANISHED response has two forms.
// The first form contains the EARLIER tag, which signifies that the response was caused by a UID
// FETCH (VANISHED) or a SELECT/EXAMINE (QRESYNC) command." A VANISHED (EARLIER) while neither is
// in progress tells the client of removals it did not ask about in the form meant for answers.
// No RFC 2119 keyword governs it, so it is a warning.
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedEarlierUnrequested final : public Rule {
 public:
  static constexpr RuleInfo kInfo{
      "qresync.vanished-earlier-unrequested", Severity::kWarning, Side::kServer, "RFC 7162 §3.2.10",
      "VANISHED (EARLIER) while no UID FETCH (VANISHED) or SELECT/EXAMINE (QRESYNC) is in "
      "progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  // Only UID FETCH (VANISHED) and SELECT/EXAMINE (QRESYNC) are noted.
  analyzer::CommandWatch watched_commands() const override {
    using analyzer::CommandId;
    return {CommandId::kFetch, CommandId::kUidFetch, CommandId::kSelect, CommandId::kExamine};
  }
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (command_args::fetch_modifier(cmd, "VANISHED") ||
        command_args::select_parameter(cmd, "QRESYNC")) {
      requesting_.add(cmd.tag);
    }
  }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd != nullptr) requesting_.remove(cmd->tag);
  }
  // VANISHED is among kOther (RFC 7162 §3.2.10).
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOther};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "VANISHED") return;
    if (r.args.empty() || !command_args::list_has_atom(r.args[0], "EARLIER")) return;
    if (requesting_.any_in_flight(session())) return;
    ctx().report(kInfo, info,
                 "VANISHED (EARLIER) sent while no UID FETCH with the VANISHED modifier or "
                 "SELECT/EXAMINE with QRESYNC is in progress");
  }

 private:
  command_args::TagSet requesting_;
};
IMAPSCOPE_RULE(QresyncVanishedEarlierUnrequested);

}  // namespace
}  // namespace imapscope::checks
