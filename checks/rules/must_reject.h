#pragma once
// Shared by the rules that say a server "MUST respond with a tagged BAD response" to some form
// of command (RFC 7162 §3.1.2.2, §3.2.5, §3.2.6): the command is noted when sent, and its
// completion with OK is the violation.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {

class MustRejectRule : public Rule {
 public:
  using Rule::Rule;

  // Only the completions of commands it watches can be of commands it noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (std::optional<std::string> why = offence(cmd)) noted_.emplace_back(cmd.tag, *why);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& message) override {
    if (cmd == nullptr) return;
    for (auto it = noted_.begin(); it != noted_.end(); ++it) {
      if (it->first != cmd->tag) continue;
      const std::string why = std::move(it->second);
      noted_.erase(it);
      if (r.status == analyzer::Status::kOk && still_offending()) {
        ctx().report(info(), message,
                     cmd->name + place_note(cmd->origin) + " completed with OK although " + why +
                         "; the server must reject it with a tagged BAD",
                     cmd->tag);
      }
      return;
    }
  }

 protected:
  // Why the command must be rejected, or nullopt when it need not be.
  virtual std::optional<std::string> offence(const analyzer::Command& cmd) = 0;
  // Checked again at the completion, for conditions the server may meet meanwhile (an ENABLE
  // pipelined before the command).
  virtual bool still_offending() const { return true; }

 private:
  std::vector<std::pair<std::string, std::string>> noted_;
};

}  // namespace imapscope::checks
