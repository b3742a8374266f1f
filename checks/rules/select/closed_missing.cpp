// select.closed-missing — RFC 9051 §6.3.2: "When deselecting a selected mailbox, the server MUST
// return an untagged OK response with the "[CLOSED]" response code when the currently selected
// mailbox is closed (see Section 7.1)." §7.1 (CLOSED): "A server returns the CLOSED response
// code when the currently selected mailbox is closed implicitly using the SELECT or EXAMINE
// command on another mailbox." IMAP4rev2 only: RFC 3501 has no CLOSED response code (it comes
// from RFC 7162, where it is tied to QRESYNC).
#include <set>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class SelectClosedMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"select.closed-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.2, §7.1",
                                  "SELECT or EXAMINE sent while a mailbox was selected ended "
                                  "without an untagged OK [CLOSED] response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kSelect && cmd.id != CommandId::kExamine) return;
    if (session().state() != analyzer::ConnectionState::kSelected) return;
    if (!session().imap4rev2_in_force()) return;
    pending_.insert(info.message.offset);
  }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOk};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& /*info*/) override {
    if (r.status != analyzer::Status::kOk || !r.code ||
        !analyzer::iequals(r.code->name, "CLOSED")) {
      return;
    }
    pending_.clear();  // the boundary was sent for the mailbox being closed
  }

  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr) return;
    const auto it = pending_.find(cmd->offset);
    if (it == pending_.end()) return;
    pending_.erase(it);
    // A failed SELECT still deselects (§6.3.2); BAD may mean the command was never executed.
    if (r.status != analyzer::Status::kOk && r.status != analyzer::Status::kNo) return;
    ctx().report(kInfo, info,
                 cmd->name +
                     " was sent while a mailbox was selected, but the server did not send the "
                     "required untagged OK [CLOSED] response",
                 r.tag);
  }

 private:
  std::set<std::uint64_t> pending_;  // by the command's stream offset
};
IMAPSCOPE_RULE(SelectClosedMissing);

}  // namespace
}  // namespace imapscope::checks
