// capability.unselect-not-advertised — RFC 3691 §1: "A server which supports this extension
// indicates this with a capability name of "UNSELECT"." IMAP4rev2 includes UNSELECT (RFC 9051
// §6.4.2, Appendix E). RFC 3691 puts no MUST or SHOULD on a client that sends UNSELECT anyway,
// so this is informational. Judged against the capability list that still describes the
// connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityUnselectNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.unselect-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 3691 §1",
                                  "client sends UNSELECT although the server advertises neither "
                                  "UNSELECT nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kUnselect};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kUnselect || !judging() || offers("UNSELECT")) return;
    ctx().report(kInfo, info,
                 "UNSELECT sent, but the server's capabilities" + list_origin() +
                     " include neither UNSELECT nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityUnselectNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
