// capability.sort-not-advertised — RFC 5256 §1: "A server that supports the base-level SORT
// extension indicates this with a capability name which starts with "SORT". Future,
// upwards-compatible extensions to the SORT extension will all start with "SORT", indicating
// support for this base level." RFC 5256 puts no MUST or SHOULD on a client that sends SORT
// anyway, so this is informational. SORT is not part of IMAP4rev2. Judged against the
// capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilitySortNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.sort-not-advertised", Severity::kInfo, Side::kClient,
                                  "RFC 5256 §1",
                                  "client sends SORT or UID SORT although no capability of the "
                                  "server starts with SORT"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSort, analyzer::CommandId::kUidSort};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kSort && cmd.id != CommandId::kUidSort) return;
    if (!judging() || lists_prefix("SORT")) return;
    ctx().report(kInfo, info,
                 cmd.name + " sent, but none of the server's capabilities" + list_origin() +
                     " starts with SORT",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilitySortNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
