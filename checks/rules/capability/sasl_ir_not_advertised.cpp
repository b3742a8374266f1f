// capability.sasl-ir-not-advertised — RFC 4959 §3: "clients that implement this extension
// MUST NOT send an initial client response to servers that do not advertise the SASL-IR
// capability. In such a situation, clients MUST fall back to an IMAP [RFC3501] compatible
// mode." IMAP4rev2 includes SASL-IR (RFC 9051 §6.2.2: "The AUTHENTICATE command supports the
// optional "initial response" feature"; Appendix E). Judged against the capability list that
// still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilitySaslIrNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.sasl-ir-not-advertised", Severity::kError,
                                  Side::kClient, "RFC 4959 §3",
                                  "client sends AUTHENTICATE with an initial response although "
                                  "the server advertises neither SASL-IR nor IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kAuthenticate};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kAuthenticate || cmd.args.size() < 2) return;
    if (!judging() || offers("SASL-IR")) return;
    const std::string mech =
        cmd.args[0].kind == analyzer::ArgKind::kAtom ? " " + std::string(cmd.args[0].text) : "";
    ctx().report(kInfo, info,
                 "AUTHENTICATE" + mech +
                     " with an initial response, but the server's capabilities" + list_origin() +
                     " include neither SASL-IR nor IMAP4rev2",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilitySaslIrNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
