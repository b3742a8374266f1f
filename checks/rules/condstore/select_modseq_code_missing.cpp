// condstore.select-modseq-code-missing — RFC 7162 §3.1.2: "One of these two response codes
// [HIGHESTMODSEQ, NOMODSEQ] MUST be returned in an OK untagged response for any successful
// SELECT/EXAMINE command issued after a CONDSTORE enabling command." A SELECT/EXAMINE with the
// CONDSTORE or QRESYNC parameter is itself one (§3.1, §3.1.8). The code in the tagged OK is
// taken too, so that only its complete absence is reported.
#include "checks/rule.h"
#include "checks/rules/command_args.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class CondstoreSelectModseqCodeMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"condstore.select-modseq-code-missing", Severity::kError,
                                  Side::kServer, "RFC 7162 §3.1.2",
                                  "SELECT/EXAMINE after a CONDSTORE enabling command completed "
                                  "without a HIGHESTMODSEQ or NOMODSEQ code"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return command_args::kCondstoreEnabling;
  }
  // Only these commands' tags are followed to their completion.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (command_args::is_select(cmd) &&
        (awareness_.aware(session()) || (command_args::condstore_enabling(cmd) &&
                                         command_args::server_may_support_condstore(session())))) {
      judged_.add(cmd.tag);
    }
    awareness_.on_command(cmd);
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOk};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& /*info*/) override {
    if (r.kind == analyzer::ResponseKind::kUntaggedStatus && r.status == analyzer::Status::kOk &&
        is_modseq_code(r)) {
      coded_ = true;
    }
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    awareness_.on_completion(r, cmd);
    if (cmd == nullptr || !judged_.contains(cmd->tag)) return;
    judged_.remove(cmd->tag);
    const bool coded = coded_ || is_modseq_code(r);
    coded_ = false;
    if (r.status != analyzer::Status::kOk || coded) return;
    ctx().report(kInfo, info,
                 cmd->name + place_note(cmd->origin) +
                     " after a CONDSTORE enabling command completed without an OK "
                     "[HIGHESTMODSEQ] or [NOMODSEQ] response",
                 cmd->tag);
  }

 private:
  static bool is_modseq_code(const analyzer::Response& r) {
    return r.code && (analyzer::iequals(r.code->name, "HIGHESTMODSEQ") ||
                      analyzer::iequals(r.code->name, "NOMODSEQ"));
  }

  command_args::CondstoreAwareness awareness_;
  command_args::TagSet judged_;
  bool coded_ = false;  // a code seen since the last SELECT/EXAMINE completed
};
IMAPSCOPE_RULE(CondstoreSelectModseqCodeMissing);

}  // namespace
}  // namespace imapscope::checks
