// capability.idle-not-advertised — RFC 2177 §3: "If the server does not advertise the IDLE
// capability, the client MUST NOT use the IDLE command and must poll for mailbox updates."
// IMAP4rev2 includes IDLE (RFC 9051 §6.3.13, Appendix E), so a list with IMAP4rev2 offers it.
// Judged against the capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityIdleNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.idle-not-advertised", Severity::kError, Side::kClient,
                                  "RFC 2177 §3",
                                  "client sends IDLE although the server advertises neither "
                                  "IDLE nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kIdle}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kIdle || !judging() || offers("IDLE")) return;
    ctx().report(kInfo, info,
                 "IDLE sent, but the server's capabilities" + list_origin() +
                     " include neither IDLE nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityIdleNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
