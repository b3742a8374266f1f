// capability.esearch-not-advertised — RFC 4731 §1: "A server advertising the ESEARCH
// capability supports the following result options: minimal value, maximal value, all found
// messages, and number of found messages." §3.1: "If no result option is specified or empty
// list of options is specified as "()", ALL is assumed". So SEARCH or UID SEARCH with
// RETURN () or a MIN, MAX, ALL or COUNT result option uses ESEARCH. RETURN (SAVE) alone is
// SEARCHRES (RFC 5182), other options belong to other extensions: not judged here. ESEARCH is
// offered by ESEARCH, by IMAP4rev2 (RFC 9051 §6.4.4, Appendix E), and by SEARCHRES (RFC 5182
// §2.1: "Any such server MUST also implement the [ESEARCH] extension"). RFC 4731 puts no MUST
// or SHOULD on a client that uses the options anyway, so this is informational. Judged against
// the capability list that still describes the connection (extension_use.h).
#include "checks/rules/capability/extension_use.h"

namespace imapscope::checks {
namespace {

class CapabilityEsearchNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.esearch-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 4731 §1, §3.1",
                                  "client sends SEARCH RETURN with ESEARCH result options "
                                  "although the server advertises neither ESEARCH nor "
                                  "IMAP4rev2"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSearch, analyzer::CommandId::kUidSearch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kSearch && cmd.id != CommandId::kUidSearch) return;
    if (cmd.args.size() < 2 || !cmd.args[0].is_atom("RETURN") ||
        cmd.args[1].kind != analyzer::ArgKind::kList) {
      return;
    }
    const std::string used = esearch_option(cmd.args[1]);
    if (used.empty() || !judging()) return;
    if (offers("ESEARCH") || lists("SEARCHRES")) return;
    ctx().report(kInfo, info,
                 cmd.name + " " + used + " sent, but the server's capabilities" + list_origin() +
                     " include neither ESEARCH nor IMAP4rev2",
                 cmd.tag);
  }

 private:
  // "RETURN ()" or "RETURN option X" for the first ESEARCH result option; "" for none.
  static std::string esearch_option(const analyzer::Arg& options) {
    if (options.children.empty()) return "RETURN ()";
    for (const analyzer::Arg& o : options.children) {
      if (o.is_atom("MIN") || o.is_atom("MAX") || o.is_atom("ALL") || o.is_atom("COUNT")) {
        return "with RETURN option " + analyzer::to_upper(o.text);
      }
    }
    return {};
  }
};
IMAPSCOPE_RULE(CapabilityEsearchNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
