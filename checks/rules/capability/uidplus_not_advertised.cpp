// capability.uidplus-not-advertised — RFC 4315 §1: "The UIDPLUS extension is present in any
// IMAP server implementation that returns "UIDPLUS" as one of the supported capabilities to
// the CAPABILITY command." §2.1: "If the server does not support the UIDPLUS capability, the
// client should fall back to using the STORE command ... then issuing the EXPUNGE command."
// That "should" is not an RFC 2119 keyword (the RFC capitalizes its keywords), so UID EXPUNGE
// without UIDPLUS is informational. IMAP4rev2 includes UID EXPUNGE (RFC 9051 §6.4.9,
// Appendix E). Judged against the capability list that still describes the connection
// (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityUidplusNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.uidplus-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 4315 §1, §2.1",
                                  "client sends UID EXPUNGE although the server advertises "
                                  "neither UIDPLUS nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kUidExpunge};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kUidExpunge || !judging() || offers("UIDPLUS")) return;
    ctx().report(kInfo, info,
                 "UID EXPUNGE sent, but the server's capabilities" + list_origin() +
                     " include neither UIDPLUS nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityUidplusNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
