// login.accepted-while-disabled — RFC 9051 §7.2.2: "The LOGINDISABLED capability indicates
// that the LOGIN command is disabled, and that the server will respond with a tagged NO
// response to any attempt to use the LOGIN command even if the user name and password are
// valid (their validity will not be checked)." §6.2.3: a server "MUST implement a
// configuration in which it advertises the LOGINDISABLED capability and does NOT permit the
// LOGIN command". §7.2.2 defines what the capability promises rather than using an RFC 2119
// keyword; an OK contradicts the server's own advertisement (and lets a password cross an
// unprotected connection), so it is reported as an error.
//
// The advertisement that counts is the capability list in effect when the client sent LOGIN
// (capability/extension_use.h): one from before a successful STARTTLS does not.
#include <set>
#include <string>

#include "checks/rules/capability/extension_use.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class LoginAcceptedWhileDisabled final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"login.accepted-while-disabled", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.2.2, §6.2.3",
                                  "server answers OK to LOGIN while advertising LOGINDISABLED"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kLogin}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (cmd.id != analyzer::CommandId::kLogin || !judging() || !lists("LOGINDISABLED")) return;
    disabled_logins_.insert(std::string(cmd.tag));
  }

  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd != nullptr && cmd->id == analyzer::CommandId::kLogin &&
        disabled_logins_.erase(cmd->tag) > 0 && r.status == analyzer::Status::kOk) {
      ctx().report(kInfo, info,
                   "OK to LOGIN" + place_note(cmd->origin) +
                       " although the server advertised LOGINDISABLED; expected NO",
                   r.tag);
    }
  }

 private:
  std::set<std::string> disabled_logins_;  // LOGINs sent while LOGINDISABLED was in effect
};
IMAPSCOPE_RULE(LoginAcceptedWhileDisabled);

}  // namespace
}  // namespace imapscope::checks
