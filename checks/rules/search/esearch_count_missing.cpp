// search.esearch-count-missing — RFC 4731 §3.1 (RFC 9051 §7.3.4 alike): "COUNT Return number of
// the messages that satisfy the SEARCH criteria. This result option MUST always be included in
// the ESEARCH response." Judged on an ESEARCH whose correlator names a SEARCH in progress that
// asked for COUNT.
#include <string>
#include <vector>

#include "checks/rule.h"
#include "checks/rules/search/esearch.h"

namespace imapscope::checks {
namespace {

class SearchEsearchCountMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.esearch-count-missing", Severity::kError, Side::kServer,
                                  "RFC 4731 §3.1, RFC 9051 §7.3.4",
                                  "ESEARCH answering RETURN (COUNT) lacks COUNT"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSearch, analyzer::CommandId::kUidSearch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    const auto options = esearch::return_options(cmd);
    if (!options) return;
    for (const std::string& o : *options) {
      if (o == "COUNT") counting_.emplace_back(cmd.tag);
    }
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kEsearch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    const auto e = esearch::read(r);
    if (!e || !e->tag || e->find("COUNT") != nullptr) return;
    if (session().find_in_flight(*e->tag) == nullptr) return;
    for (const std::string& t : counting_) {
      if (t != *e->tag) continue;
      ctx().report(kInfo, info,
                   "ESEARCH for tag '" + t + "' lacks COUNT, which the command asked for", t);
      return;
    }
  }
  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr) return;
    std::erase(counting_, cmd->tag);
  }

 private:
  std::vector<std::string> counting_;
};
IMAPSCOPE_RULE(SearchEsearchCountMissing);

}  // namespace
}  // namespace imapscope::checks
