// login.cleartext — RFC 9051 §6.2.3: "Use of the LOGIN command over an insecure network (such as
// the Internet) is a security risk, because anyone monitoring network traffic can obtain
// plaintext passwords. For that reason, clients MUST NOT use LOGIN on unsecure networks."
// §6.2.2 says the same of plaintext SASL mechanisms (PLAIN, LOGIN) without STARTTLS or implicit
// TLS. Only a capture can show it: a command the capture holds in plain text crossed the wire
// unencrypted (the analysis stops where TLS begins). Whether that network was "unsecure" the
// capture cannot tell (loopback, a VPN), hence a warning, as a security finding.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

bool plaintext_mechanism(const analyzer::Command& cmd) {
  if (cmd.args.empty()) return false;
  return cmd.args[0].is_atom("PLAIN") || cmd.args[0].is_atom("LOGIN");
}

class LoginCleartext final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"login.cleartext", Severity::kWarning, Side::kClient,
                                  "RFC 9051 §6.2.3, §6.2.2",
                                  "client sends a password in the clear: LOGIN or AUTHENTICATE "
                                  "PLAIN/LOGIN seen unencrypted on the wire"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kLogin, analyzer::CommandId::kAuthenticate};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (info.message.origin.packet == 0) return;  // not read off the wire: unknown
    using analyzer::CommandId;
    const bool login = cmd.id == CommandId::kLogin;
    if (!login && !(cmd.id == CommandId::kAuthenticate && plaintext_mechanism(cmd))) return;
    ctx().report(kInfo, info,
                 login ? "LOGIN sent without TLS: its password crossed the network in the clear"
                       : "AUTHENTICATE with a plaintext mechanism sent without TLS: its password "
                         "crosses the network in the clear",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(LoginCleartext);

}  // namespace
}  // namespace imapscope::checks
