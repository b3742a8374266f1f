// capability.condstore-not-advertised — RFC 7162 §3.1.1: "The Conditional STORE extension is
// present in any IMAP4 implementation that returns "CONDSTORE" as one of the supported
// capabilities in the CAPABILITY command response." §3.2.3: "the presence of the "QRESYNC"
// capability implies support for the CONDSTORE IMAP extension even if the "CONDSTORE"
// capability isn't advertised." Judged: the CHANGEDSINCE FETCH modifier (§3.1.4.1), the
// MODSEQ FETCH data item (§3.1.4.2), the UNCHANGEDSINCE STORE modifier (§3.1.3), the MODSEQ
// search criterion (§3.1.5) and the CONDSTORE SELECT/EXAMINE parameter (§3.1.8). ENABLE
// CONDSTORE is not: a server MUST ignore what it does not know (RFC 9051 §6.3.1). RFC 7162 puts
// no MUST or SHOULD on a client that uses them anyway, so this is informational. CONDSTORE is
// not part of IMAP4rev2 (RFC 9051 Appendix F). Judged against the capability list that still
// describes the connection (extension_use.h).
#include <vector>

#include "checks/rules/capability/extension_use.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

using analyzer::Arg;
using analyzer::ArgKind;

bool list_has_atom(const Arg& a, std::string_view upper) {
  if (a.kind != ArgKind::kList) return false;
  for (const Arg& c : a.children) {
    if (c.is_atom(upper)) return true;
  }
  return false;
}

// Search keys followed by one argument (RFC 9051 §9 search-key, RFC 3501, RFC 5032, RFC 8514,
// RFC 8474), so that an argument that happens to read MODSEQ is not taken for the key.
bool takes_one_argument(const Arg& a) {
  static constexpr std::string_view kKeys[] = {
      "BCC",     "BEFORE",     "BODY",    "CC",        "FROM",    "KEYWORD", "LARGER",
      "ON",      "SENTBEFORE", "SENTON",  "SENTSINCE", "SINCE",   "SMALLER", "SUBJECT",
      "TEXT",    "TO",         "UID",     "UNKEYWORD", "OLDER",   "YOUNGER", "SAVEDBEFORE",
      "SAVEDON", "SAVEDSINCE", "EMAILID", "THREADID",  "CHARSET", "RETURN",  "FILTER"};
  for (std::string_view k : kKeys) {
    if (a.is_atom(k)) return true;
  }
  return false;
}

bool has_modseq_key(const std::vector<Arg>& keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Arg& a = keys[i];
    if (a.kind == ArgKind::kList) {
      if (has_modseq_key(a.children)) return true;
    } else if (a.is_atom("MODSEQ")) {
      return true;
    } else if (a.is_atom("HEADER")) {
      i += 2;
    } else if (takes_one_argument(a)) {
      ++i;
    }
  }
  return false;
}

// What the command uses of CONDSTORE, or "" for nothing.
std::string condstore_use(const analyzer::Command& cmd) {
  using analyzer::CommandId;
  const std::vector<Arg>& args = cmd.args;
  switch (cmd.id) {
    case CommandId::kFetch:
    case CommandId::kUidFetch:
      if (args.size() > 2 && list_has_atom(args[2], "CHANGEDSINCE")) {
        return cmd.name + " with the CHANGEDSINCE modifier";
      }
      if (args.size() > 1 && (args[1].is_atom("MODSEQ") || list_has_atom(args[1], "MODSEQ"))) {
        return cmd.name + " of the MODSEQ data item";
      }
      return {};
    case CommandId::kStore:
    case CommandId::kUidStore:
      if (args.size() > 1 && list_has_atom(args[1], "UNCHANGEDSINCE")) {
        return cmd.name + " with the UNCHANGEDSINCE modifier";
      }
      return {};
    case CommandId::kSearch:
    case CommandId::kUidSearch:
      return has_modseq_key(args) ? cmd.name + " with the MODSEQ search key" : std::string();
    case CommandId::kSelect:
    case CommandId::kExamine:
      if (args.size() > 1 && list_has_atom(args[1], "CONDSTORE")) {
        return cmd.name + " with the CONDSTORE parameter";
      }
      return {};
    default:
      return {};
  }
}

class CapabilityCondstoreNotAdvertised final : public extension_use::ExtensionUseRule {
 public:
  static constexpr RuleInfo kInfo{"capability.condstore-not-advertised", Severity::kInfo,
                                  Side::kClient, "RFC 7162 §3.1.1, §3.2.3",
                                  "client uses CHANGEDSINCE, UNCHANGEDSINCE, MODSEQ or the "
                                  "CONDSTORE parameter although the server advertises neither "
                                  "CONDSTORE nor QRESYNC"};
  using ExtensionUseRule::ExtensionUseRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return command_args::kCondstoreEnabling;
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    const std::string use = condstore_use(cmd);
    if (use.empty() || !judging() || lists("CONDSTORE") || lists("QRESYNC")) return;
    ctx().report(kInfo, info,
                 use + " sent, but the server's capabilities" + list_origin() +
                     " include neither CONDSTORE nor QRESYNC",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(CapabilityCondstoreNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
