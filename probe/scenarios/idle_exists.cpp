// idle.unilateral-exists — RFC 9051 §6.3.13 (RFC 2177): during IDLE the server sends
// untagged updates as they happen; a message appended by another client shows as
// "* n EXISTS" (§7.4.1 "The EXISTS response ... is sent when the size of the mailbox changes").
// DONE ends IDLE with the tagged OK.
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void idle_exists(ScenarioContext& s) {
  const std::string box = s.create_mailbox("idle");
  s.append(box, test_message("idle-1"));
  s.select(box);
  ImapClient& c = s.client();
  const std::string tag = c.next_tag();
  Reply idle;
  idle.command = tag + " IDLE";
  if (std::string e = c.send(idle.command + "\r\n"); !e.empty()) throw ConnectionLost(e);
  const auto until = c.deadline();
  for (;;) {
    std::string error;
    ResponsePtr r = c.read(until, error);
    if (!r) throw ConnectionLost(idle.command + ": " + error);
    if (r->parsed && r->response.kind == analyzer::ResponseKind::kContinuation) break;
    if (r->parsed && r->response.kind == analyzer::ResponseKind::kTagged) {
      idle.tagged = r;
      s.expect(false, "IDLE must be answered with a continuation request, the server said " +
                          idle.words());
    }
  }
  {
    auto other = s.open_connection(true);
    Reply appended =
        other->client->command({"APPEND " + quoted(box) + " ", test_message("idle-2"), ""});
    other->client->command("LOGOUT");
    s.expect(appended.ok(), "the second connection's APPEND failed: " + appended.words());
  }
  // A server that stays quiet fails the scenario, not the connection: DONE still ends IDLE
  // and the suite goes on (Cyrus without its idled daemon notifies nobody).
  bool seen = false;
  std::string error;
  const auto quiet_until = c.deadline();
  while (!seen) {
    ResponsePtr r = c.read(quiet_until, error, ImapClient::Timeout::kQuiet);
    if (!r && !c.alive()) throw ConnectionLost("waiting for * 2 EXISTS during IDLE: " + error);
    if (!r) break;
    seen = r->is_data("EXISTS") && r->response.number == 2;
  }
  if (std::string e = c.send("DONE\r\n"); !e.empty()) throw ConnectionLost(e);
  idle = c.finish(std::move(idle), tag);
  if (!idle.error.empty()) throw ConnectionLost(idle.error);
  s.expect(seen,
           "the second connection's APPEND shows as * 2 EXISTS during IDLE; none came: " + error);
  s.expect_ok(idle);
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(idle_exists, "idle.unilateral-exists", "RFC 9051 §6.3.13, §7.4.1; RFC 2177 §3",
                   "IDLE sees * n EXISTS when a second connection appends; DONE ends it",
                   "IDLE|IMAP4rev2", Phase::kAuthenticated, 150);

}  // namespace
}  // namespace imapscope::probe
