// search.response-missing — a successful SEARCH or UID SEARCH must return its result.
// RFC 3501 §6.4.4: "Responses: REQUIRED untagged response: SEARCH". RFC 9051 §6.4.4: "If no
// result option is specified or empty list of options is specified as "()", ALL is assumed";
// for MIN, MAX and ALL: "If the SEARCH results in no matches, the server MUST NOT include the
// ... result option in the ESEARCH response; however, it still MUST send the ESEARCH
// response"; COUNT "MUST always be included in the ESEARCH response". But: "In absence of any
// other SEARCH result option, the SAVE result option also suppresses any ESEARCH response"
// (also RFC 5182 §2.1), so RETURN (SAVE) legitimately returns nothing, and options of other
// extensions alone are not judged. Either an untagged SEARCH or ESEARCH response satisfies the
// rule (IMAP4rev1 servers answer SEARCH, IMAP4rev2 servers ESEARCH).
#include <map>
#include <string>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

// Whether a SEARCH with these arguments must produce a SEARCH or ESEARCH response.
bool result_required(const analyzer::Command& cmd) {
  if (cmd.args.size() < 2 || !cmd.args[0].is_atom("RETURN") ||
      cmd.args[1].kind != analyzer::ArgKind::kList) {
    return true;  // no result options: ALL (RFC 9051), the SEARCH response (RFC 3501)
  }
  const analyzer::Arg& options = cmd.args[1];
  if (options.children.empty()) return true;  // RETURN (): ALL
  for (const analyzer::Arg& o : options.children) {
    if (o.is_atom("MIN") || o.is_atom("MAX") || o.is_atom("ALL") || o.is_atom("COUNT")) {
      return true;
    }
  }
  return false;  // SAVE alone, or only other extensions' options
}

class SearchResponseMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.response-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.4.4, RFC 3501 §6.4.4",
                                  "SEARCH completed with OK without an untagged SEARCH or "
                                  "ESEARCH response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSearch, analyzer::CommandId::kUidSearch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kSearch && cmd.id != CommandId::kUidSearch) return;
    if (result_required(cmd)) required_[info.message.offset] = true;
  }

  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr) return;
    const auto it = required_.find(cmd->offset);
    if (it == required_.end()) return;
    required_.erase(it);
    using analyzer::UntaggedKind;
    if (r.status != analyzer::Status::kOk || cmd->seen(UntaggedKind::kSearch) > 0 ||
        cmd->seen(UntaggedKind::kEsearch) > 0) {
      return;
    }
    ctx().report(kInfo, info,
                 cmd->name +
                     " completed with OK but neither an untagged ESEARCH nor a SEARCH "
                     "response was sent",
                 r.tag);
  }

 private:
  std::map<std::uint64_t, bool> required_;  // by the command's stream offset
};
IMAPSCOPE_RULE(SearchResponseMissing);

}  // namespace
}  // namespace imapscope::checks
