// response.bad-to-valid-command — RFC 9051 §7.1.3: a tagged BAD "reports a protocol-level error
// in the client's command". A BAD to a command that the formal syntax accepts, sent in a state
// that allows it, misreports the failure: a client cannot tell it from its own bug, and the
// RFC's answer to a command that is valid but cannot be carried out is NO (§7.1.2). A warning:
// the RFC words it as a definition, not a MUST.
//
// Judged only where BAD cannot be right: base commands of RFC 9051 §6 and RFC 3501 §6 in their
// plain form, with no argument an extension defines (SELECT parameters, LIST selection or
// return options, STATUS items beyond the base ones, which a server lacking the extension
// rejects with BAD), no sequence set (RFC 3501 §9 requires BAD for a number above EXISTS), no
// literal the server refused, and a line short enough for any server (RFC 7162 §4 asks
// servers to take lines of at least 8192 octets).
#include <string>

#include "analyzer/command.h"
#include "checks/rule.h"
#include "checks/rules/command_args.h"

namespace imapscope::checks {
namespace {

constexpr std::size_t kAnyServerTakes = 8192;

bool plain_arguments(const analyzer::Command& cmd) {
  using analyzer::ArgKind;
  using analyzer::CommandId;
  switch (cmd.id) {
    case CommandId::kCapability:
    case CommandId::kNoop:
    case CommandId::kLogout:
    case CommandId::kClose:
    case CommandId::kExpunge:
      return cmd.args.empty();
    case CommandId::kSelect:
    case CommandId::kExamine:
    case CommandId::kDelete:
    case CommandId::kSubscribe:
    case CommandId::kUnsubscribe:
    case CommandId::kCreate:  // CREATE's USE parameter (RFC 6154) is a second argument
      return cmd.args.size() == 1 && cmd.args[0].kind != ArgKind::kList;
    case CommandId::kRename:
      return cmd.args.size() == 2 && cmd.args[0].kind != ArgKind::kList &&
             cmd.args[1].kind != ArgKind::kList;
    case CommandId::kList:  // LIST reference mailbox, without LIST-EXTENDED (RFC 5258)
      return cmd.args.size() == 2 && cmd.args[0].kind != ArgKind::kList &&
             cmd.args[1].kind != ArgKind::kList;
    case CommandId::kStatus: {
      if (cmd.args.size() != 2 || cmd.args[1].kind != ArgKind::kList) return false;
      for (const analyzer::Arg& item : cmd.args[1].children) {
        if (!item.is_atom("MESSAGES") && !item.is_atom("UIDNEXT") && !item.is_atom("UIDVALIDITY") &&
            !item.is_atom("UNSEEN"))
          return false;
      }
      return !cmd.args[1].children.empty();
    }
    default:
      return false;
  }
}

class ResponseBadToValidCommand final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"response.bad-to-valid-command", Severity::kWarning,
                                  Side::kServer, "RFC 9051 §7.1.3",
                                  "tagged BAD to a command the formal syntax accepts, in a state "
                                  "that allows it"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_syntax_error(const analyzer::SyntaxError& /*error*/,
                       const analyzer::MessageInfo& info) override {
    // The strict grammar (or a named deviation) reports before the command is replayed.
    if (info.message.dir == capture::Direction::kClientToServer)
      flawed_offset_ = info.message.offset;
  }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    const analyzer::Message& m = info.message;
    if (flawed_offset_ == m.offset) return;
    if (m.text.size() > kAnyServerTakes) return;
    for (const analyzer::Literal& l : m.literals)
      if (l.refused || !l.complete) return;
    if (!plain_arguments(cmd)) return;
    if (!analyzer::state_allowed(analyzer::command_info(cmd.id).states, session().state())) return;
    // A tag reused while in flight is judged once, at its first completion.
    if (valid_.size() < kTracked && !valid_.contains(cmd.tag)) valid_.add(cmd.tag);
  }

  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr) return;
    if (!valid_.remove(cmd->tag)) return;
    if (r.status != analyzer::Status::kBad) return;
    ctx().report(kInfo, info,
                 "BAD to " + cmd->name +
                     ", a valid command in a state that allows it; BAD reports an error in the "
                     "command itself, NO a command that could not be carried out",
                 r.tag);
  }

 private:
  static constexpr std::size_t kTracked = 1024;  // commands in flight kept at once
  std::uint64_t flawed_offset_ = UINT64_MAX;
  // Tags of the commands judged: a few in flight at a time, so a vector, not a hash set.
  command_args::TagSet valid_;
};
IMAPSCOPE_RULE(ResponseBadToValidCommand);

}  // namespace
}  // namespace imapscope::checks
