// condstore.fetch-modseq-missing — RFC 7162 §3.1: "Once a client issues a CONDSTORE enabling
// command, it has announced itself as a "CONDSTORE-aware client". The server MUST then include
// mod-sequence data in all subsequent untagged FETCH responses (until the connection is
// closed), whether they were caused by a regular STORE, a STORE with an UNCHANGEDSINCE
// modifier, or an external agent." Judged on the FETCH responses no FETCH command asked for
// (those answer the FETCH's own items), in mailboxes that did not answer NOMODSEQ. A STORE with
// UNCHANGEDSINCE is left to condstore.store-fetch-modseq-missing.
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

class CondstoreFetchModseqMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"condstore.fetch-modseq-missing", Severity::kError, Side::kServer,
                                  "RFC 7162 §3.1",
                                  "FETCH response not caused by a FETCH lacks MODSEQ although "
                                  "the client is CONDSTORE-aware"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return command_args::kCondstoreEnabling;
  }
  // Only these commands' tags are followed to their completion.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    awareness_.on_command(cmd);
    nomodseq_.on_command(cmd);
    if (command_args::store_modifier(cmd, "UNCHANGEDSINCE")) conditional_.add(cmd.tag);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    awareness_.on_completion(r, cmd);
    if (cmd != nullptr) conditional_.remove(cmd->tag);
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    nomodseq_.on_untagged(r);
    if (info.fetch == nullptr || !info.fetch->well_formed || info.fetch->modseq) return;
    if (!awareness_.aware(session()) || nomodseq_.nomodseq()) return;
    if (conditional_.any_in_flight(session())) return;
    if (command_args::fetch_or_select_in_flight(session())) return;
    ctx().report(kInfo, info,
                 "FETCH of message " + std::to_string(r.number) +
                     " lacks the MODSEQ item although the client issued a CONDSTORE enabling "
                     "command");
  }

 private:
  command_args::CondstoreAwareness awareness_;
  command_args::NomodseqTracker nomodseq_;
  command_args::TagSet conditional_;
};
IMAPSCOPE_RULE(CondstoreFetchModseqMissing);

}  // namespace
}  // namespace imapscope::checks
