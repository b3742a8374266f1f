// condstore.store-fetch-modseq-missing — RFC 7162 §3.1.3, for a STORE with the UNCHANGEDSINCE
// modifier: "An untagged FETCH response MUST be sent, even if the .SILENT suffix is specified,
// and the response MUST include the MODSEQ message data item." Judged on every untagged FETCH
// while such a STORE is in progress and no FETCH is (whose own answers need no MODSEQ).
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class CondstoreStoreFetchModseqMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"condstore.store-fetch-modseq-missing", Severity::kError,
                                  Side::kServer, "RFC 7162 §3.1.3",
                                  "FETCH response to a STORE with UNCHANGEDSINCE lacks MODSEQ"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine,
            analyzer::CommandId::kStore, analyzer::CommandId::kUidStore};
  }
  // Only these commands' tags are followed to their completion.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    nomodseq_.on_command(cmd);
    if (command_args::store_modifier(cmd, "UNCHANGEDSINCE")) stores_.add(cmd.tag);
  }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd != nullptr) stores_.remove(cmd->tag);
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    nomodseq_.on_untagged(r);
    if (info.fetch == nullptr || !info.fetch->well_formed || info.fetch->modseq) return;
    if (nomodseq_.nomodseq() || !stores_.any_in_flight(session())) return;
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id == analyzer::CommandId::kFetch || c.id == analyzer::CommandId::kUidFetch) return;
    }
    ctx().report(kInfo, info,
                 "FETCH of message " + std::to_string(r.number) +
                     " during a STORE with UNCHANGEDSINCE lacks the MODSEQ item");
  }

 private:
  command_args::NomodseqTracker nomodseq_;
  command_args::TagSet stores_;
};
IMAPSCOPE_RULE(CondstoreStoreFetchModseqMissing);

}  // namespace
}  // namespace imapscope::checks
