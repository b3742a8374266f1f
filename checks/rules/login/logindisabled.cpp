// login.logindisabled — RFC 9051 §6.2.3: "A client implementation MUST NOT send a LOGIN command
// if the LOGINDISABLED capability is advertised." (Also §7.2.2: "An IMAP client MUST NOT issue
// the LOGIN command if the server advertises the LOGINDISABLED capability", and RFC 3501
// §6.2.3.) Judged against the capability list that still describes the connection
// (capability/extension_use.h): after STARTTLS "the client MUST discard cached information
// about server capabilities" (§6.2.1), so a LOGINDISABLED listed before TLS no longer counts.
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class LoginLogindisabled final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"login.logindisabled", Severity::kError, Side::kClient,
                                  "RFC 9051 §6.2.3, §7.2.2",
                                  "client sends LOGIN while the server advertises "
                                  "LOGINDISABLED"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kLogin}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kLogin || !judging() || !lists("LOGINDISABLED")) return;
    ctx().report(
        kInfo, info,
        "LOGIN sent, but the server's capabilities" + list_origin() + " include LOGINDISABLED",
        cmd.tag);
  }
};
IMAPSCOPE_RULE(LoginLogindisabled);

}  // namespace
}  // namespace imapscope::checks
