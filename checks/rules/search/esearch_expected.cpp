// search.esearch-expected — RFC 4731 §3.1 (and RFC 9051 §6.4.4): "If one or more result options
// described above are specified, the extended SEARCH command MUST return a single ESEARCH
// response [IMAPABNF], instead of the SEARCH response." Judged when a SEARCH response arrives
// while a SEARCH with RETURN is in progress and no SEARCH without it is.
#include "checks/rule.h"
#include "checks/rules/command_args.h"
#include "checks/rules/search/esearch.h"

namespace imapscope::checks {
namespace {

class SearchEsearchExpected final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"search.esearch-expected", Severity::kError, Side::kServer,
                                  "RFC 4731 §3.1, RFC 9051 §6.4.4",
                                  "SEARCH with RETURN options answered with a SEARCH response "
                                  "instead of ESEARCH"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSearch, analyzer::CommandId::kUidSearch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (cmd.id != analyzer::CommandId::kSearch && cmd.id != analyzer::CommandId::kUidSearch) {
      return;
    }
    (esearch::return_options(cmd) ? extended_ : plain_).add(cmd.tag);
  }
  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr) return;
    extended_.remove(cmd->tag);
    plain_.remove(cmd->tag);
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kSearch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "SEARCH") return;
    if (!extended_.any_in_flight(session()) || plain_.any_in_flight(session())) return;
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id == analyzer::CommandId::kUnknown) return;  // an extension's own search
    }
    ctx().report(kInfo, info,
                 "SEARCH response to a SEARCH with RETURN options; an ESEARCH response is "
                 "required");
  }

 private:
  command_args::TagSet extended_;
  command_args::TagSet plain_;
};
IMAPSCOPE_RULE(SearchEsearchExpected);

}  // namespace
}  // namespace imapscope::checks
