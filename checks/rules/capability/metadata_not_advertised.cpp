// capability.metadata-not-advertised — RFC 5464 §1: "A server that supports both server and
// mailbox annotations indicates the presence of this extension by returning "METADATA" as one
// of the supported capabilities in the CAPABILITY command response. A server that supports
// only server annotations indicates the presence of this extension by returning
// "METADATA-SERVER"". Server annotations are those of the empty mailbox name (§3.2.1.1). So
// GETMETADATA and SETMETADATA need METADATA, or METADATA-SERVER when the mailbox is "". RFC
// 5464 puts no MUST or SHOULD on a client that sends them anyway, so this is informational.
// METADATA is not part of IMAP4rev2. Judged against the capability list that still describes
// the connection (extension_use.h).
#include <optional>

#include "checks/rules/capability/extension_use.h"
#include "checks/rules/mailbox_name.h"

namespace imapscope::checks {
namespace {

class CapabilityMetadataNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.metadata-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 5464 §1",
                                  "client sends GETMETADATA or SETMETADATA although the server "
                                  "advertises neither METADATA nor (for server annotations) "
                                  "METADATA-SERVER"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kGetMetadata, analyzer::CommandId::kSetMetadata};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kGetMetadata && cmd.id != CommandId::kSetMetadata) return;
    if (!judging() || lists("METADATA")) return;
    if (lists("METADATA-SERVER")) {
      // getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries (§5)
      std::size_t i = 0;
      if (cmd.id == CommandId::kGetMetadata && !cmd.args.empty() &&
          cmd.args[0].kind == analyzer::ArgKind::kList) {
        i = 1;
      }
      if (i >= cmd.args.size()) return;
      const std::optional<std::string> mailbox =
          mailbox_name::astring_value(cmd.args[i], info.message);
      if (!mailbox || mailbox->empty()) return;
      ctx().report(kInfo, info,
                   cmd.name + " on mailbox '" + *mailbox + "', but the server's capabilities" +
                       list_origin() +
                       " offer METADATA-SERVER only, which covers server annotations (mailbox "
                       "\"\")",
                   cmd.tag);
      return;
    }
    ctx().report(kInfo, info,
                 cmd.name + " sent, but the server's capabilities" + list_origin() +
                     " include neither METADATA nor METADATA-SERVER",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityMetadataNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
