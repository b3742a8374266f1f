// uidplus.move-copyuid-missing — RFC 6851 §4.3: "Servers supporting UIDPLUS [RFC4315] SHOULD send
// COPYUID in response to a UID MOVE command." Judged on a UID MOVE completed with OK that
// removed messages (an EXPUNGE or VANISHED arrived while it ran) from a server listing UIDPLUS,
// when no COPYUID came in an untagged OK during it nor in its tagged OK.
#include "checks/rule.h"
#include "checks/rules/command_args.h"
#include "checks/rules/origin_note.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class UidplusMoveCopyuidMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"uidplus.move-copyuid-missing", Severity::kWarning, Side::kServer,
                                  "RFC 6851 §4.3",
                                  "UIDPLUS server completes a UID MOVE that moved messages "
                                  "without a COPYUID code"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kUidMove};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (cmd.id == analyzer::CommandId::kUidMove) moves_.add(cmd.tag);
  }
  // A COPYUID code, EXPUNGE, VANISHED (among kOther).
  analyzer::UntaggedWatch watched_untagged() const override {
    return response_watch::kCoded | analyzer::UntaggedWatch{analyzer::UntaggedKind::kExpunge};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& /*info*/) override {
    if (!moves_.any_in_flight(session())) return;
    if (r.kind == analyzer::ResponseKind::kUntaggedStatus && r.code &&
        analyzer::iequals(r.code->name, "COPYUID")) {
      copyuid_seen_ = true;
    }
    if ((r.kind == analyzer::ResponseKind::kUntaggedNumber && r.name == "EXPUNGE") ||
        (r.kind == analyzer::ResponseKind::kUntaggedData && r.name == "VANISHED")) {
      removed_ = true;
    }
  }
  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || !moves_.contains(cmd->tag)) return;
    moves_.remove(cmd->tag);
    const bool copyuid = copyuid_seen_ || (r.code && analyzer::iequals(r.code->name, "COPYUID"));
    const bool removed = removed_;
    copyuid_seen_ = removed_ = false;
    if (r.status != analyzer::Status::kOk || !removed || copyuid) return;
    if (!session().has_capability("UIDPLUS")) return;
    ctx().report(
        kInfo, info,
        "UID MOVE" + place_note(cmd->origin) + " moved messages but no COPYUID code was sent",
        cmd->tag);
  }

 private:
  command_args::TagSet moves_;
  bool copyuid_seen_ = false;
  bool removed_ = false;
};
IMAPSCOPE_RULE(UidplusMoveCopyuidMissing);

}  // namespace
}  // namespace imapscope::checks
