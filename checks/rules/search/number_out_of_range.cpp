// search.number-out-of-range — RFC 9051 §2.3.1.2: "Message sequence numbers ... are assigned
// from 1 to the number of messages in the mailbox", and §7.3.4 / RFC 3501 §7.2.5: the numbers
// a SEARCH (not UID SEARCH) returns are message numbers. A SEARCH response or an ESEARCH
// without the UID indicator naming 0 or a number beyond EXISTS names no message. Judged only
// while no UID SEARCH is in progress, whose SEARCH response carries UIDs.
#include <optional>
#include <string>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "checks/rule.h"
#include "checks/rules/mailbox/sequence_out_of_range.h"
#include "checks/rules/search/esearch.h"

namespace imapscope::checks {
namespace {

class SearchNumberOutOfRange final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.number-out-of-range", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.3.1.2, §7.3.4",
                                  "SEARCH or ESEARCH result names message 0 or a number beyond "
                                  "EXISTS"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kSearch, analyzer::UntaggedKind::kEsearch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData) return;
    if (r.name == "SEARCH") {
      if (!sequence_search_only()) return;
      for (const analyzer::Arg& a : r.args) {
        if (a.kind == analyzer::ArgKind::kList) break;  // (MODSEQ n) ends the numbers
        if (check(analyzer::read_number(a.text), info)) return;
      }
    } else if (const auto e = esearch::read(r); e && !e->uid) {
      for (const char* item : {"MIN", "MAX"}) {
        if (const analyzer::Arg* v = e->find(item)) {
          if (check(analyzer::read_number(v->text), info)) return;
        }
      }
      if (const analyzer::Arg* all = e->find("ALL")) {
        if (const auto set = analyzer::SequenceSet::parse(all->text)) {
          for (const auto& range : set->ranges()) {
            if (range.last == analyzer::SequenceSet::kStar) continue;
            if (check(range.last, info) || check(range.first, info)) return;
          }
        }
      }
    }
  }

 private:
  bool sequence_search_only() const {
    bool search = false;
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id == analyzer::CommandId::kSearch) search = true;
      if (c.id == analyzer::CommandId::kUidSearch || c.id == analyzer::CommandId::kUnknown) {
        return false;
      }
    }
    return search;
  }
  bool check(std::optional<std::uint64_t> n, const analyzer::MessageInfo& info) {
    if (!n || *n > 4294967295u) return false;
    const auto problem = sequence_problem(session(), static_cast<std::uint32_t>(*n));
    if (!problem) return false;
    ctx().report(kInfo, info, "search result names " + *problem);
    return true;
  }
};
IMAPSCOPE_RULE(SearchNumberOutOfRange);

}  // namespace
}  // namespace imapscope::checks
