// capability.move-not-advertised — RFC 6851 §1: "The MOVE extension is present in any IMAP
// implementation that returns "MOVE" as one of the supported capabilities to the CAPABILITY
// command." IMAP4rev2 includes MOVE (RFC 9051 §6.4.8, Appendix E). RFC 6851 puts no MUST or
// SHOULD on a client that sends MOVE or UID MOVE anyway, so this is informational: the command
// belongs to an extension the server did not offer. Judged against the capability list that
// still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityMoveNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.move-not-advertised", Severity::kInfo, Side::kClient,
                                  "RFC 6851 §1",
                                  "client sends MOVE or UID MOVE although the server advertises "
                                  "neither MOVE nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kMove, analyzer::CommandId::kUidMove};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kMove && cmd.id != CommandId::kUidMove) return;
    if (!judging() || offers("MOVE")) return;
    ctx().report(kInfo, info,
                 cmd.name + " sent, but the server's capabilities" + list_origin() +
                     " include neither MOVE nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityMoveNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
