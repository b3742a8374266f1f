// search.uid-in-esearch-missing — RFC 9051 §6.4.9: "The interpretation of the arguments is the
// same as with SEARCH; however, the numbers returned in an ESEARCH response for a UID SEARCH
// command are unique identifiers instead of message sequence numbers. Also, the corresponding
// ESEARCH response MUST include the UID indicator." Only ESEARCH responses whose search
// correlator (TAG "...") names a UID SEARCH in progress are judged.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

// The tag of a search correlator "(TAG "a1")", or empty.
std::string_view correlator_tag(const analyzer::Arg& a) {
  if (a.kind != analyzer::ArgKind::kList || a.children.size() != 2) return {};
  if (!a.children[0].is_atom("TAG")) return {};
  return a.children[1].text;
}

class SearchUidInEsearchMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.uid-in-esearch-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.4.9",
                                  "ESEARCH response to UID SEARCH without the UID indicator"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kEsearch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.name != "ESEARCH" || r.args.empty()) return;
    const std::string_view tag = correlator_tag(r.args[0]);
    if (tag.empty()) return;
    const analyzer::InFlightCommand* cmd = session().find_in_flight(tag);
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kUidSearch) return;
    if (r.args.size() > 1 && r.args[1].is_atom("UID")) return;
    ctx().report(kInfo, info,
                 "ESEARCH response to UID SEARCH " + std::string(tag) +
                     " lacks the required UID indicator, so its numbers read as message "
                     "sequence numbers");
  }
};
IMAPSCOPE_RULE(SearchUidInEsearchMissing);

}  // namespace
}  // namespace imapscope::checks
