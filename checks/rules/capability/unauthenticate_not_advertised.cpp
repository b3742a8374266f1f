// capability.unauthenticate-not-advertised — RFC 8437 §3: "Note that a BAD response only
// occurs if UNAUTHENTICATE is issued in an invalid state, is not advertised by the server, or
// does not follow the command syntax". "Servers MAY choose to advertise the UNAUTHENTICATE
// capability only after authentication has completed. As a result, clients may need to issue
// an IMAP CAPABILITY command after authentication in order to determine the availability of
// UNAUTHENTICATE." No MUST or SHOULD on the client: informational. A list from before the
// login does not count (extension_use.h). UNAUTHENTICATE is not part of IMAP4rev2.
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityUnauthenticateNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.unauthenticate-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 8437 §3",
                                  "client sends UNAUTHENTICATE although the server does not "
                                  "advertise UNAUTHENTICATE"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kUnauthenticate};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kUnauthenticate || !judging()) return;
    if (lists("UNAUTHENTICATE")) return;
    ctx().report(kInfo, info,
                 "UNAUTHENTICATE sent, but the server's capabilities" + list_origin() +
                     " do not include UNAUTHENTICATE",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityUnauthenticateNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
