// capability.acl-not-advertised — RFC 4314 §2: "The ACL extension is present in any IMAP4
// implementation that returns "ACL" as one of the supported capabilities to the CAPABILITY
// command." RFC 4314 puts no MUST or SHOULD on a client that sends SETACL, DELETEACL, GETACL,
// LISTRIGHTS or MYRIGHTS anyway, so this is informational. ACL is not part of IMAP4rev2.
// Judged against the capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityAclNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.acl-not-advertised", Severity::kInfo, Side::kClient,
                                  "RFC 4314 §2",
                                  "client sends an ACL command although the server does not "
                                  "advertise ACL"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSetAcl, analyzer::CommandId::kDeleteAcl,
            analyzer::CommandId::kGetAcl, analyzer::CommandId::kListRights,
            analyzer::CommandId::kMyRights};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kSetAcl && cmd.id != CommandId::kDeleteAcl &&
        cmd.id != CommandId::kGetAcl && cmd.id != CommandId::kListRights &&
        cmd.id != CommandId::kMyRights) {
      return;
    }
    if (!judging() || lists("ACL")) return;
    ctx().report(
        kInfo, info,
        cmd.name + " sent, but the server's capabilities" + list_origin() + " do not include ACL",
        cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityAclNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
