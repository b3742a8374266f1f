// command.never-completed — RFC 9051 §2.2.2: every command ends with a server completion
// result response. A command still in progress when the stream ends never got one. After a
// BYE the server may close without completing what was pending (RFC 9051 §7.1.5), except
// LOGOUT, whose tagged OK follows the BYE (RFC 9051 §6.1.3). A Dovecot pre-login rawlog ends
// with the login still in progress: its completion is in the imap process's log. A warning: a
// capture or transcript can also simply stop early.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class CommandNeverCompleted final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"command.never-completed", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §2.2.2",
                                  "command still without a tagged completion when the stream "
                                  "ends"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_stream_end() override {
    const bool closed_by_bye = session().state() == analyzer::ConnectionState::kLogout;
    bool after_login = false;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (session().may_end_at_login() &&
          (cmd.id == analyzer::CommandId::kLogin || cmd.id == analyzer::CommandId::kAuthenticate)) {
        after_login = true;  // a pre-login log ends where the imap process takes over,
      }                      // with what was pipelined after the login still unanswered
      if (after_login) continue;
      if (closed_by_bye && cmd.id != analyzer::CommandId::kLogout) continue;
      ctx().report(kInfo, cmd,
                   cmd.name + " (tag '" + cmd.tag + "') never received a tagged OK, NO or BAD");
    }
  }
};
IMAPSCOPE_RULE(CommandNeverCompleted);

}  // namespace
}  // namespace imapscope::checks
