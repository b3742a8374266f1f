// capability.auth-mechanism-not-advertised — RFC 9051 §6.1.1: "A capability name that begins
// with "AUTH=" indicates that the server supports that particular authentication mechanism";
// §6.2.2: "The server SHOULD list its supported authentication mechanisms in the response to
// the CAPABILITY command so that the client knows which authentication mechanisms to use."
// Nothing forbids a client to try a mechanism that is not listed (the server "SHOULD reject the
// AUTHENTICATE command by sending a tagged NO response" when it does not support it, §6.2.2),
// so this is informational. Judged against the capability list that still describes the
// connection (extension_use.h): after STARTTLS the mechanisms listed before TLS no longer
// count.
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityAuthMechanismNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.auth-mechanism-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 9051 §6.1.1, §6.2.2",
                                  "client sends AUTHENTICATE with a mechanism the server does "
                                  "not advertise as AUTH=<mechanism>"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kAuthenticate};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kAuthenticate || cmd.args.empty()) return;
    const analyzer::Arg& mech = cmd.args[0];
    if (mech.kind != analyzer::ArgKind::kAtom || !judging()) return;
    const std::string cap = "AUTH=" + analyzer::to_upper(mech.text);
    if (lists(cap)) return;
    ctx().report(kInfo, info,
                 "AUTHENTICATE " + std::string(mech.text) + " sent, but the server's capabilities" +
                     list_origin() + " do not include " + cap,
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityAuthMechanismNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
