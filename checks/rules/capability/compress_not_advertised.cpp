// capability.compress-not-advertised — RFC 4978 §1: "A server which supports the COMPRESS
// extension indicates this with one or more capability names consisting of "COMPRESS="
// followed by a supported compression algorithm name". So COMPRESS DEFLATE needs
// COMPRESS=DEFLATE in the list. RFC 4978 puts no MUST or SHOULD on a client that sends
// COMPRESS anyway, so this is informational. COMPRESS is not part of IMAP4rev2. Judged against
// the capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityCompressNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.compress-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 4978 §1, §3",
                                  "client sends COMPRESS with a mechanism the server does not "
                                  "advertise as COMPRESS=<mechanism>"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kCompress};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.id != analyzer::CommandId::kCompress || cmd.args.empty()) return;
    const analyzer::Arg& mech = cmd.args[0];
    if (mech.kind != analyzer::ArgKind::kAtom || !judging()) return;
    const std::string cap = "COMPRESS=" + analyzer::to_upper(mech.text);
    if (lists(cap)) return;
    ctx().report(kInfo, info,
                 "COMPRESS " + std::string(mech.text) + " sent, but the server's capabilities" +
                     list_origin() + " do not include " + cap,
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityCompressNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
