// fetch.flag-undeclared — RFC 9051 §7.3.5: the FLAGS response "identifies the flags ... that
// are applicable for this mailbox", and the client "MUST" remember its update; §7.1
// (PERMANENTFLAGS): "\*" means new keywords may be created by storing them. A keyword in a
// FETCH response that the last FLAGS response did not list, in a mailbox whose PERMANENTFLAGS
// has no "\*", is one the client was never told applies. The same section allows it ("Flags
// other than the system flags can also exist, depending on server implementation"), so this is
// information: a server that announces new keywords with an untagged FLAGS keeps clients'
// views of the mailbox whole. Only keywords are judged; system flags and "\" extension flags
// are the RFCs' own.
#include <algorithm>
#include <string>

#include "analyzer/mailbox.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

bool same_flag(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

bool listed(const std::vector<std::string>& list, std::string_view flag) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& f) { return same_flag(f, flag); });
}

class FetchFlagUndeclared final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"fetch.flag-undeclared", Severity::kInfo, Side::kServer,
                                  "RFC 9051 §7.3.5, §7.1",
                                  "FETCH shows a keyword the mailbox's FLAGS did not list, and "
                                  "PERMANENTFLAGS has no \\*"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr || !info.fetch->flags) return;
    const analyzer::SelectedMailbox* mailbox = session().mailbox();
    if (mailbox == nullptr || !mailbox->flags()) return;
    const std::optional<std::vector<std::string>>& permanent = mailbox->permanent_flags();
    if (permanent && listed(*permanent, "\\*")) return;
    for (std::string_view flag : *info.fetch->flags) {
      if (flag.empty() || flag.front() == '\\' || listed(*mailbox->flags(), flag)) continue;
      ctx().report(kInfo, info,
                   "FETCH of message " + std::to_string(r.number) + " shows keyword " +
                       std::string(flag) +
                       ", which the mailbox's FLAGS response did not list (and PERMANENTFLAGS "
                       "has no \\*)");
      return;  // one finding per response
    }
  }
};
IMAPSCOPE_RULE(FetchFlagUndeclared);

}  // namespace
}  // namespace imapscope::checks
