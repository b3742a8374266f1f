// idle.unilateral-updates — RFC 9051 §6.3.13 (RFC 2177 §3): during IDLE the server sends
// untagged updates as they happen. A second connection appends (§7.4.1: EXISTS is sent "if the
// size of the mailbox changes"), flags (§7.5.2: FETCH occurs "by a unilateral server decision
// (e.g., flag updates)") and expunges (§7.5.1: "* n EXPUNGE"); the IDLE connection must see
// all three before it ends IDLE with DONE.
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

Reply run_on(ImapClient& c, const std::string& text) {
  Reply r = c.command(text);
  if (!r.error.empty()) throw ScenarioFailure(r.command + ": " + r.error);
  return r;
}

// Reads untagged responses on `c` until one satisfies `wanted` (within the command timeout); a
// tagged response (the end of IDLE) goes to `idle` and fails the scenario. With kQuiet, a
// server that says nothing in time fails the scenario and keeps the connection (for DONE).
template <typename Wanted>
void await(ImapClient& c, Reply& idle, const std::string& what, Wanted wanted,
           ImapClient::Timeout timeout = ImapClient::Timeout::kFatal) {
  const auto until = c.deadline();
  for (;;) {
    std::string error;
    ResponsePtr r = c.read(until, error, timeout);
    if (!r && c.alive()) throw ScenarioFailure("no" + what + " came during IDLE: " + error);
    if (!r) throw ConnectionLost("waiting for " + what + " during IDLE: " + error);
    if (r->parsed && r->response.kind == analyzer::ResponseKind::kTagged) {
      idle.tagged = r;
      throw ScenarioFailure("IDLE ended before " + what + " came: " + r->words());
    }
    if (wanted(*r)) return;
  }
}

// The second connection `o` appends a third message, flags the first and expunges the second
// of `box`; `c`, idling with two messages, must see all three. The server may report them in
// any order (and together, as Dovecot does), so the messages `c` knows of are counted: an
// EXISTS above the count is the new message; message 1 is never renumbered; the expunged one
// is message 2 whether the EXISTS came before or after.
void changes(ScenarioContext& s, ImapClient& c, Reply& idle, ImapClient& o,
             const std::string& box) {
  Reply appended = o.command({"APPEND " + quoted(box) + " ", test_message("idle-updates-3"), ""});
  s.expect(appended.ok(), "the second connection's APPEND failed: " + appended.words());
  s.expect_ok(run_on(o, "STORE 1 +FLAGS (\\Flagged)"));
  s.expect_ok(run_on(o, "STORE 2 +FLAGS.SILENT (\\Deleted)"));
  s.expect_ok(run_on(o, "EXPUNGE"));
  run_on(o, "LOGOUT");
  std::uint32_t known = 2;
  bool exists = false, flagged = false, expunge = false;
  const auto missing = [&] {
    std::string out;
    if (!exists) out += " * n EXISTS (the appended message)";
    if (!flagged) out += " * 1 FETCH (FLAGS (\\Flagged ...))";
    if (!expunge) out += " * 2 EXPUNGE";
    return out;
  };
  while (!exists || !flagged || !expunge) {
    await(
        c, idle, missing(),
        [&](const ServerResponse& r) {
          if (r.is_data("EXISTS")) {
            exists = exists || r.response.number > known;
            known = r.response.number;
          } else if (r.is_data("EXPUNGE")) {
            expunge = expunge || r.response.number == 2;
            if (known > 0) --known;
          } else if (r.is_data("FETCH") && r.response.number == 1) {
            const analyzer::FetchData d = analyzer::read_fetch(r.response, r.message);
            for (std::string_view flag : d.flags.value_or(std::vector<std::string_view>{}))
              flagged = flagged || analyzer::iequals(flag, "\\Flagged");
          }
          return true;
        },
        ImapClient::Timeout::kQuiet);
  }
}

void idle_updates(ScenarioContext& s) {
  const std::string box = s.create_mailbox("idle-updates");
  s.append(box, test_message("idle-updates-1"));
  s.append(box, test_message("idle-updates-2"));
  auto other = s.open_connection(true);
  ImapClient& o = *other->client;
  s.expect_ok(run_on(o, "SELECT " + quoted(box)));
  s.select(box);

  ImapClient& c = s.client();
  const std::string tag = c.next_tag();
  Reply idle;
  idle.command = tag + " IDLE";
  if (std::string e = c.send(idle.command + "\r\n"); !e.empty()) throw ConnectionLost(e);
  await(c, idle, "the continuation request", [&](const ServerResponse& r) {
    return r.parsed && r.response.kind == analyzer::ResponseKind::kContinuation;
  });

  const auto end_idle = [&] {
    if (std::string e = c.send("DONE\r\n"); !e.empty()) throw ConnectionLost(e);
    idle = c.finish(std::move(idle), tag);
    if (!idle.error.empty()) throw ConnectionLost(idle.error);
  };
  try {
    changes(s, c, idle, o, box);
  } catch (const ScenarioFailure&) {
    if (!idle.tagged) end_idle();  // leave the main connection usable for what follows
    throw;
  }
  end_idle();
  s.expect_ok(idle);
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(idle_updates, "idle.unilateral-updates",
                   "RFC 9051 §6.3.13, §7.4.1, §7.5.1, §7.5.2; RFC 2177 §3",
                   "IDLE sees * n EXISTS, * n FETCH (FLAGS) and * n EXPUNGE as a second "
                   "connection appends, flags and expunges",
                   "IDLE|IMAP4rev2", Phase::kAuthenticated, 151);

}  // namespace
}  // namespace imapscope::probe
