// capability.id-not-advertised — RFC 2971 §3: the information "is be submitted to a server by
// any client wishing to provide information for statistical purposes, provided the server
// advertises its willingness to take the information with the atom "ID" included in the list
// of capabilities returned by the CAPABILITY command." No MUST or SHOULD: informational. ID is
// not part of IMAP4rev2. Judged against the capability list that still describes the
// connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityIdNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.id-not-advertised", Severity::kInfo, Side::kClient,
                                  "RFC 2971 §3",
                                  "client sends ID although the server does not advertise ID"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override { return {analyzer::CommandId::kId}; }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kId || !judging() || lists("ID")) return;
    ctx().report(kInfo, info,
                 "ID sent, but the server's capabilities" + list_origin() + " do not include ID",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityIdNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
