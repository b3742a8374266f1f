// capability.namespace-not-advertised — RFC 2342 §4: "IMAP4 servers that support this
// extension MUST list the keyword NAMESPACE in their CAPABILITY response." The MUST binds the
// server; RFC 2342 puts none on a client that sends NAMESPACE to a server that did not list
// it, so this is informational. IMAP4rev2 includes NAMESPACE (RFC 9051 §6.3.10, Appendix E).
// Judged against the capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityNamespaceNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.namespace-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 2342 §4",
                                  "client sends NAMESPACE although the server advertises "
                                  "neither NAMESPACE nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kNamespace};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kNamespace || !judging() || offers("NAMESPACE")) return;
    ctx().report(kInfo, info,
                 "NAMESPACE sent, but the server's capabilities" + list_origin() +
                     " include neither NAMESPACE nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityNamespaceNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
