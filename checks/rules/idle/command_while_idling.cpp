// idle.command-while-idling — RFC 9051 §6.3.13 (RFC 2177 §3): "The client MUST NOT send a
// command while the server is waiting for the DONE, since the server will not be able to
// distinguish a command from a continuation." The formal syntax is idle = "IDLE" CRLF "DONE"
// (§9), and §2.2.1: "the client MUST send a complete command (including receiving all command
// continuation request responses and sending command continuations for the command) before
// initiating a new command." So from the IDLE line until its completion the client's only line
// is DONE (compared without regard to case, RFC 9051 §9 note 1); any other line, sent before or
// after the server's "+", is reported.
#include <set>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class IdleCommandWhileIdling final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"idle.command-while-idling", Severity::kError, Side::kClient,
                                  "RFC 9051 §6.3.13, §2.2.1, RFC 2177 §3",
                                  "client sends a line other than DONE while IDLE is in "
                                  "progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_continuation(const analyzer::Response& /*r*/, analyzer::ContinuationTarget target,
                       const analyzer::MessageInfo& /*info*/) override {
    if (target != analyzer::ContinuationTarget::kIdle) return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (cmd.id == analyzer::CommandId::kIdle) idling_.insert(cmd.tag);
    }
  }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kIdle};
  }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd != nullptr) idling_.erase(cmd->tag);
  }

  void on_exchange_line(const analyzer::InFlightCommand* command,
                        const analyzer::MessageInfo& info) override {
    if (command == nullptr || command->id != analyzer::CommandId::kIdle) return;
    if (!info.message.complete || analyzer::iequals(info.message.first_line(), "DONE")) return;
    const bool waiting = idling_.count(command->tag) > 0;
    ctx().report(kInfo, info,
                 "client sent a line other than DONE while IDLE" +
                     tag_note(command->tag, command->origin) + " " +
                     (waiting ? "waits for DONE" : "has not been answered yet") +
                     "; the server cannot tell a command from the continuation",
                 command->tag);
  }

 private:
  std::set<std::string, std::less<>> idling_;
};
IMAPSCOPE_RULE(IdleCommandWhileIdling);

}  // namespace
}  // namespace imapscope::checks
