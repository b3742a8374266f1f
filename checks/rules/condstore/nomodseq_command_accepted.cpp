// condstore.nomodseq-command-accepted — RFC 7162 §3.1.2.2: "A server that returned the NOMODSEQ
// response code for a mailbox MUST reject (with a tagged BAD response) any of the following
// commands while the mailbox remains selected: a FETCH command with the CHANGEDSINCE modifier,
// a FETCH or SEARCH command that includes the MODSEQ message data item, or a STORE command with
// the UNCHANGEDSINCE modifier." The UID forms are judged alike.
#include "checks/rules/command_args.h"
#include "checks/rules/must_reject.h"

namespace imapscope::checks {
namespace {

class CondstoreNomodseqCommandAccepted final : public MustRejectRule {
 public:
  static constexpr RuleInfo kInfo{"condstore.nomodseq-command-accepted", Severity::kError,
                                  Side::kServer, "RFC 7162 §3.1.2.2",
                                  "CHANGEDSINCE, UNCHANGEDSINCE or MODSEQ accepted with OK in a "
                                  "mailbox that answered NOMODSEQ"};
  using MustRejectRule::MustRejectRule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    using analyzer::CommandId;
    return {CommandId::kSelect, CommandId::kExamine,  CommandId::kFetch,  CommandId::kUidFetch,
            CommandId::kStore,  CommandId::kUidStore, CommandId::kSearch, CommandId::kUidSearch};
  }
  // [NOMODSEQ] (RFC 7162 §3.1.2.2) comes in an untagged status response.
  analyzer::UntaggedWatch watched_untagged() const override {
    using analyzer::UntaggedKind;
    return {UntaggedKind::kOk, UntaggedKind::kNo, UntaggedKind::kBad, UntaggedKind::kBye};
  }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    nomodseq_.on_command(cmd);
    MustRejectRule::on_command(cmd, info);
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& /*info*/) override {
    nomodseq_.on_untagged(r);
  }

 protected:
  std::optional<std::string> offence(const analyzer::Command& cmd) override {
    using analyzer::CommandId;
    if (!nomodseq_.nomodseq() || session().mailbox() == nullptr) return std::nullopt;
    const bool search = cmd.id == CommandId::kSearch || cmd.id == CommandId::kUidSearch;
    if (command_args::fetch_modifier(cmd, "CHANGEDSINCE") ||
        command_args::fetch_item(cmd, "MODSEQ") ||
        command_args::store_modifier(cmd, "UNCHANGEDSINCE") ||
        (search && command_args::has_atom_anywhere(cmd.args, "MODSEQ"))) {
      return std::string("the selected mailbox answered NOMODSEQ");
    }
    return std::nullopt;
  }

 private:
  command_args::NomodseqTracker nomodseq_;
};
IMAPSCOPE_RULE(CondstoreNomodseqCommandAccepted);

}  // namespace
}  // namespace imapscope::checks
