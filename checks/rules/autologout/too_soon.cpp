// autologout.too-soon — RFC 9051 §5.4: "If a server has an inactivity autologout timer that
// applies to sessions after authentication, the duration of that timer MUST be at least 30
// minutes.  The receipt of any command from the client during that interval resets the
// autologout timer." An unsolicited BYE (RFC 9051 §7.1.5: "as an announcement of an inactivity
// autologout") in authenticated or selected state, after at least 60 seconds without anything
// from the client but less than 30 minutes since its last command, is taken for an autologout
// that came too soon. Heuristics: a BYE within a minute of a command is more likely a reaction
// to it; a BYE while any command other than IDLE is in progress is not about inactivity (RFC
// 2177 §3 and RFC 9051 §6.3.13 let an idling client be logged off "at the end of its timeout
// period", which is still 30 minutes); a BYE during LOGOUT is solicited. The wire cannot tell a
// panic shutdown (§7.1.5) from an autologout, so an administrator's shutdown after a quiet
// minute looks the same. Needs timestamps (Dovecot rawlogs have them); silent without.
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

constexpr capture::Timestamp kMinute = 60'000'000;           // microseconds
constexpr capture::Timestamp kAutologoutMin = 30 * kMinute;  // RFC 9051 §5.4

class AutologoutTooSoon final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"autologout.too-soon", Severity::kError, Side::kServer,
                                  "RFC 9051 §5.4",
                                  "server logs an authenticated client out for inactivity after "
                                  "less than 30 minutes"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* /*error*/,
                   const analyzer::MessageInfo& info) override {
    // A PREAUTH connection is authenticated from its first byte: the timer starts there.
    if (r != nullptr && r->status == analyzer::Status::kPreauth) {
      note_activity(info, "the PREAUTH greeting");
    }
  }
  void on_command(const analyzer::Command& /*cmd*/, const analyzer::MessageInfo& info) override {
    note_activity(info, "the client's last command");
  }
  void on_exchange_line(const analyzer::InFlightCommand* /*command*/,
                        const analyzer::MessageInfo& info) override {
    note_activity(info, "the client's last line");
  }
  void on_syntax_error(const analyzer::SyntaxError& /*error*/,
                       const analyzer::MessageInfo& info) override {
    if (info.message.dir == capture::Direction::kClientToServer) {
      note_activity(info, "the client's last command");
    }
  }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kBye};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    using analyzer::ConnectionState;
    if (r.kind != analyzer::ResponseKind::kUntaggedStatus || r.status != analyzer::Status::kBye) {
      return;
    }
    const ConnectionState s = session().state();
    if (s != ConnectionState::kAuthenticated && s != ConnectionState::kSelected) return;
    if (!last_time_ || !info.message.origin.time) return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (cmd.id != analyzer::CommandId::kIdle) return;  // busy with a command, or LOGOUT
    }
    const capture::Timestamp quiet = *info.message.origin.time - *last_time_;
    if (quiet < kMinute || quiet >= kAutologoutMin) return;
    const std::int64_t seconds = quiet / 1'000'000;
    ctx().report(kInfo, info,
                 "BYE " + std::to_string(seconds / 60) + " min " + std::to_string(seconds % 60) +
                     " s after " + std::string(last_what_) + place_note(last_origin_) +
                     (session().in_flight().empty() ? ", with no command in progress"
                                                    : ", while the client was idling (IDLE)") +
                     "; an inactivity autologout after authentication must wait at least 30 "
                     "minutes");
  }

 private:
  // Runs on every client message: it only notes where; the words are put together when a
  // BYE is reported.
  void note_activity(const analyzer::MessageInfo& info, std::string_view what) {
    if (!info.message.origin.time) return;
    last_time_ = info.message.origin.time;
    last_what_ = what;
    last_origin_ = info.message.origin;
  }

  std::optional<capture::Timestamp> last_time_;
  std::string_view last_what_;  // one of the literals above
  capture::Origin last_origin_;
};
IMAPSCOPE_RULE(AutologoutTooSoon);

}  // namespace
}  // namespace imapscope::checks
