// capability.enable-not-advertised — RFC 5161 §1: "An IMAP server that supports ENABLE
// advertises this by including the word ENABLE in its capability list." IMAP4rev2 includes
// ENABLE (RFC 9051 §6.3.1, Appendix E). RFC 5161 puts no MUST or SHOULD on a client that sends
// ENABLE anyway, so this is informational. Judged against the capability list that still
// describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityEnableNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.enable-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 5161 §1",
                                  "client sends ENABLE although the server advertises neither "
                                  "ENABLE nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kEnable};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kEnable || !judging() || offers("ENABLE")) return;
    ctx().report(kInfo, info,
                 "ENABLE sent, but the server's capabilities" + list_origin() +
                     " include neither ENABLE nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityEnableNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
