// search.esearch-result-on-no-match — RFC 9051 §7.3.4 (RFC 4731 §3.1) for MIN, MAX and ALL:
// "If the SEARCH results in no matches, the server MUST NOT include the MIN return item in the
// ESEARCH response; however, it still MUST send the ESEARCH response." (and alike for MAX and
// ALL). An ESEARCH saying COUNT 0 shows there were no matches.
#include "checks/rule.h"
#include "checks/rules/search/esearch.h"

namespace imapscope::checks {
namespace {

class SearchEsearchResultOnNoMatch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.esearch-result-on-no-match", Severity::kError,
                                  Side::kServer, "RFC 9051 §7.3.4, RFC 4731 §3.1",
                                  "ESEARCH with COUNT 0 still includes MIN, MAX or ALL"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kEsearch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    const auto e = esearch::read(r);
    if (!e) return;
    const analyzer::Arg* count = e->find("COUNT");
    if (count == nullptr || count->text != "0") return;
    for (const char* item : {"MIN", "MAX", "ALL"}) {
      if (e->find(item) == nullptr) continue;
      ctx().report(kInfo, info,
                   std::string("ESEARCH reports COUNT 0 yet includes ") + item +
                       ", which must be left out when nothing matches");
      return;
    }
  }
};
IMAPSCOPE_RULE(SearchEsearchResultOnNoMatch);

}  // namespace
}  // namespace imapscope::checks
