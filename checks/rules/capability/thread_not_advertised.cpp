// capability.thread-not-advertised — RFC 5256 §1: "A server that supports the THREAD extension
// indicates this with one or more capability names consisting of "THREAD=" followed by a
// supported threading algorithm name". So THREAD REFERENCES needs THREAD=REFERENCES in the
// list. RFC 5256 puts no MUST or SHOULD on a client that sends THREAD anyway, so this is
// informational. THREAD is not part of IMAP4rev2. Judged against the capability list that
// still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityThreadNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.thread-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 5256 §1",
                                  "client sends THREAD or UID THREAD with an algorithm the "
                                  "server does not advertise as THREAD=<algorithm>"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kThread, analyzer::CommandId::kUidThread};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if ((cmd.id != CommandId::kThread && cmd.id != CommandId::kUidThread) || cmd.args.empty()) {
      return;
    }
    const analyzer::Arg& algorithm = cmd.args[0];
    if (algorithm.kind != analyzer::ArgKind::kAtom || !judging()) return;
    const std::string cap = "THREAD=" + analyzer::to_upper(algorithm.text);
    if (lists(cap)) return;
    ctx().report(kInfo, info,
                 cmd.name + " " + std::string(algorithm.text) +
                     " sent, but the server's capabilities" + list_origin() + " do not include " +
                     cap,
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityThreadNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
