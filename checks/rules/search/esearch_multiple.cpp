// search.esearch-multiple — RFC 4731 §3.1: "If one or more result options described above are
// specified, the extended SEARCH command MUST return a single ESEARCH response". Later
// extensions (RFC 5267 CONTEXT, RFC 9394 PARTIAL) may return more, so only commands whose
// options are all of RFC 4731 and RFC 5182 (MIN, MAX, ALL, COUNT, SAVE) are judged.
#include <string>
#include <vector>

#include "checks/rule.h"
#include "checks/rules/search/esearch.h"

namespace imapscope::checks {
namespace {

class SearchEsearchMultiple final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.esearch-multiple", Severity::kError, Side::kServer,
                                  "RFC 4731 §3.1",
                                  "more than one ESEARCH response for one SEARCH with RETURN"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSearch, analyzer::CommandId::kUidSearch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    const auto options = esearch::return_options(cmd);
    if (!options) return;
    for (const std::string& o : *options) {
      if (o != "MIN" && o != "MAX" && o != "ALL" && o != "COUNT" && o != "SAVE") return;
    }
    judged_.push_back({std::string(cmd.tag), 0});
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kEsearch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    const auto e = esearch::read(r);
    if (!e || !e->tag || session().find_in_flight(*e->tag) == nullptr) return;
    for (Judged& j : judged_) {
      if (j.tag != *e->tag) continue;
      if (++j.seen == 2) {
        ctx().report(kInfo, info, "second ESEARCH response for tag '" + j.tag + "'", j.tag);
      }
      return;
    }
  }
  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr) return;
    std::erase_if(judged_, [&](const Judged& j) { return j.tag == cmd->tag; });
  }

 private:
  struct Judged {
    std::string tag;
    int seen = 0;
  };
  std::vector<Judged> judged_;
};
IMAPSCOPE_RULE(SearchEsearchMultiple);

}  // namespace
}  // namespace imapscope::checks
