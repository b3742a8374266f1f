// idle.no-continuation — RFC 9051 §6.3.13 (RFC 2177 §3): IDLE's "Responses: continuation data
// will be requested; the client sends the continuation data "DONE" to end the command",
// "Result: OK - IDLE completed after client sent "DONE"", and "The server requests a response
// to the IDLE command using the continuation ("+") response.  The IDLE command remains active
// until the client responds to the continuation". The formal syntax is idle = "IDLE" CRLF
// "DONE" (§9), DONE being a command continuation the server asks for with "+" (§2.2.1, §7.6).
// An OK to IDLE without that "+" completes an IDLE that never began. None of these sentences
// uses an RFC 2119 keyword, so this is a warning, not an error. A "+" that arrives after an
// early DONE still counts as the server's request.
#include <map>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

struct IdleProgress {
  bool continued = false;  // the server sent "+"
  bool done = false;       // the client sent DONE
};

class IdleNoContinuation final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"idle.no-continuation", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §6.3.13, RFC 2177 §3",
                                  "IDLE completed with OK although the server never sent the "
                                  "\"+\" continuation request"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kIdle}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (cmd.id == analyzer::CommandId::kIdle) idles_[std::string(cmd.tag)] = IdleProgress{};
  }

  void on_continuation(const analyzer::Response& /*r*/, analyzer::ContinuationTarget target,
                       const analyzer::MessageInfo& /*info*/) override {
    using analyzer::ContinuationTarget;
    if (target != ContinuationTarget::kIdle && target != ContinuationTarget::kNone) return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (cmd.id != analyzer::CommandId::kIdle) continue;
      const auto it = idles_.find(cmd.tag);
      if (it != idles_.end() && !it->second.continued) {
        it->second.continued = true;
        return;
      }
    }
  }

  void on_exchange_line(const analyzer::InFlightCommand* command,
                        const analyzer::MessageInfo& info) override {
    if (command == nullptr || command->id != analyzer::CommandId::kIdle) return;
    const auto it = idles_.find(command->tag);
    if (it != idles_.end() && analyzer::iequals(info.message.first_line(), "DONE")) {
      it->second.done = true;
    }
  }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kIdle};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kIdle) return;
    const auto it = idles_.find(cmd->tag);
    if (it == idles_.end()) return;
    const IdleProgress progress = it->second;
    idles_.erase(it);
    if (r.status != analyzer::Status::kOk || progress.continued) return;
    ctx().report(kInfo, info,
                 "IDLE (tag '" + cmd->tag +
                     "') completed with OK, but the server never sent the \"+\" continuation "
                     "request that starts idling" +
                     (progress.done ? " (the client sent DONE unasked)"
                                    : " (and the client never sent DONE)"),
                 r.tag);
  }

 private:
  std::map<std::string, IdleProgress, std::less<>> idles_;
};
IMAPSCOPE_RULE(IdleNoContinuation);

}  // namespace
}  // namespace imapscope::checks
