// capability.quota-not-advertised — RFC 9208 §1: "The "QUOTA" capability denotes a server
// compliant with [RFC2087]." "Any server compliant with this document MUST also return at
// least one capability starting with the "QUOTA=RES-" prefix". "Any server compliant with this
// document that implements the SETQUOTA command (see Section 4.1.3) MUST also return the
// "QUOTASET" capability." So GETQUOTA, GETQUOTAROOT and SETQUOTA need QUOTA or a QUOTA=
// capability, and SETQUOTA to a server that lists QUOTA=RES- resources (RFC 9208) needs
// QUOTASET. Those MUSTs bind servers; RFC 9208 puts none on a client that sends the commands
// anyway, so this is informational. QUOTA is not part of IMAP4rev2. Judged against the
// capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityQuotaNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.quota-not-advertised", Severity::kInfo, Side::kClient,
                                  "RFC 9208 §1",
                                  "client sends GETQUOTA, GETQUOTAROOT or SETQUOTA although "
                                  "the server advertises no QUOTA capability (or SETQUOTA "
                                  "without QUOTASET)"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kGetQuota, analyzer::CommandId::kGetQuotaRoot,
            analyzer::CommandId::kSetQuota};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kGetQuota && cmd.id != CommandId::kGetQuotaRoot &&
        cmd.id != CommandId::kSetQuota) {
      return;
    }
    if (!judging()) return;
    if (!lists("QUOTA") && !lists_prefix("QUOTA=")) {
      ctx().report(kInfo, info,
                   cmd.name + " sent, but the server's capabilities" + list_origin() +
                       " include neither QUOTA nor any QUOTA= capability",
                   cmd.tag);
    } else if (cmd.id == CommandId::kSetQuota && lists_prefix("QUOTA=RES-") && !lists("QUOTASET")) {
      ctx().report(kInfo, info,
                   "SETQUOTA sent, but the server's capabilities" + list_origin() +
                       " list RFC 9208 resources (QUOTA=RES-) without QUOTASET",
                   cmd.tag);
    }
  }
};
IMAPSCOPE_RULE(CapabilityQuotaNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
