// bad-input.* — RFC 9051 §7.1.3: BAD reports "a protocol-level error in the client's
// command; the tag indicates the command that caused the error"; §6: a command in the wrong
// state gets BAD or NO. After each the connection must go on (the probe sends NOOP).
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void bad_commands(ScenarioContext& s) {
  // The probe's own errors here are deliberate: not reported against it.
  s.deliberate(s.client().peek_tag());
  s.expect_status(s.run("IMAPSCOPE-NO-SUCH-COMMAND"), analyzer::Status::kBad);
  s.expect_ok(s.run("NOOP"));
  // A quoted string that never ends: the line is not a command (RFC 9051 §9 "quoted").
  s.deliberate(s.client().peek_tag());
  s.expect_status(s.run("LIST \"\" \"unterminated"), analyzer::Status::kBad);
  s.expect_ok(s.run("NOOP"));
  // FETCH needs the selected state; nothing is selected here.
  s.deliberate(s.client().peek_tag());
  Reply wrong_state = s.run("FETCH 1 (FLAGS)");
  s.expect(wrong_state.status() == analyzer::Status::kBad ||
               wrong_state.status() == analyzer::Status::kNo,
           "FETCH with no mailbox selected gets BAD or NO, the server said " + wrong_state.words());
  s.expect_ok(s.run("NOOP"));
}

// RFC 2683 §3.2.1.5: "a server should allow for a command line of at least 8000 octets ...
// The server should send a BAD response to a command that does not end within the server's
// maximum accepted command length." A should, not a must: Cyrus ends the connection instead.
void long_line(ScenarioContext& s) {
  // On a connection of its own: a server may end the connection after a line this long.
  auto other = s.open_connection(true);
  ImapClient& c = *other->client;
  s.deliberate(*other, c.peek_tag());
  // LIST is read-only; a 200000-octet pattern is past any server's line limit.
  Reply r = c.command("LIST \"\" " + std::string(200'000, 'x'));
  s.expect(
      r.error.empty(),
      "a 200000-octet line should get BAD (RFC 2683 §3.2.1.5), not end the connection: " + r.error);
  s.expect(r.status() == analyzer::Status::kBad,
           "a 200000-octet line should get BAD (RFC 2683 §3.2.1.5), the server said " +
               r.words().substr(0, 200));
  Reply noop = c.command("NOOP");
  s.expect(noop.ok(),
           "after the BAD to the long line the connection goes on: NOOP got " + noop.words());
  c.command("LOGOUT");
}

IMAPSCOPE_SCENARIO(bad_commands, "bad-input.commands", "RFC 9051 §7.1.3, §6",
                   "an unknown command, a broken one and one in the wrong state get BAD (or NO) "
                   "and the connection goes on",
                   "", Phase::kAuthenticated, 170);
IMAPSCOPE_SCENARIO(long_line, "bad-input.long-line", "RFC 2683 §3.2.1.5; RFC 7162 §4",
                   "a 200000-octet LIST line gets BAD and the connection goes on", "",
                   Phase::kAuthenticated, 175);

}  // namespace
}  // namespace imapscope::probe
