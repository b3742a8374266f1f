// fetch.no-expunge-during-fetch — RFC 9051 §7.5.1: "An EXPUNGE response MUST NOT be sent when
// no command is in progress, nor while responding to a FETCH, STORE, or SEARCH command. This
// rule is necessary to prevent a loss of synchronization of message sequence numbers between
// client and server." The probe makes the situation certain: its FETCH carries a synchronizing
// literal (a header field name is an astring, §9), and while the server waits for the literal
// with the FETCH begun, a second connection expunges a message the FETCH names. The expunge
// may only be reported after the FETCH completes (the probe's NOOP then asks for it).
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

Reply run_on(ImapClient& c, const std::string& text) {
  Reply r = c.command(text);
  if (!r.error.empty()) throw ScenarioFailure(r.command + ": " + r.error);
  return r;
}

void no_expunge_during_fetch(ScenarioContext& s) {
  const std::string box = s.create_mailbox("fetch-expunge");
  for (const char* subject : {"fetch-expunge-1", "fetch-expunge-2", "fetch-expunge-3"})
    s.append(box, test_message(subject));
  auto other = s.open_connection(true);
  ImapClient& o = *other->client;
  s.expect_ok(run_on(o, "SELECT " + quoted(box)));
  s.expect_ok(run_on(o, "STORE 3 +FLAGS.SILENT (\\Deleted)"));
  s.select(box);

  ImapClient& c = s.client();
  const std::string tag = c.next_tag();
  Reply fetch;
  fetch.command = tag + " FETCH 1:3 (UID BODY.PEEK[HEADER.FIELDS ({7}";
  if (std::string e = c.send(fetch.command + "\r\n"); !e.empty()) throw ConnectionLost(e);
  const auto until = c.deadline();
  for (;;) {
    std::string error;
    ResponsePtr r = c.read(until, error);
    if (!r) throw ConnectionLost(fetch.command + ": " + error);
    if (r->parsed && r->response.kind == analyzer::ResponseKind::kContinuation) break;
    if (r->parsed && r->response.kind == analyzer::ResponseKind::kTagged) {
      fetch.tagged = r;
      s.expect(false, "the FETCH's synchronizing literal was refused: " + fetch.words());
    }
    fetch.untagged.push_back(std::move(r));
  }
  Reply expunge = o.command("EXPUNGE");
  if (std::string e = c.send("SUBJECT)])\r\n"); !e.empty()) throw ConnectionLost(e);
  fetch = c.finish(std::move(fetch), tag);
  if (!fetch.error.empty()) throw ConnectionLost(fetch.error);
  s.expect(expunge.ok() && expunged(expunge) == std::vector<std::uint32_t>{3},
           "the second connection's EXPUNGE removes message 3, it said " + expunge.words());
  run_on(o, "LOGOUT");
  // §7.5.1 and RFC 5530 §3 EXPUNGEISSUED: the server may complete with OK or NO.
  s.expect(fetch.status() == analyzer::Status::kOk || fetch.status() == analyzer::Status::kNo,
           "the FETCH completes with OK or NO, the server said " + fetch.words());
  s.expect(expunged(fetch).empty(),
           "no * n EXPUNGE while responding to FETCH (RFC 9051 §7.5.1), though a second "
           "connection expunged message 3 meanwhile");
  for (std::uint32_t n = 1; n <= 2; ++n)
    s.expect(fetch_of(fetch, n) != nullptr,
             "a FETCH response for message " + std::to_string(n) + ", which still exists");
  Reply noop = s.run("NOOP");
  s.expect_ok(noop);
  s.expect(expunged(noop) == std::vector<std::uint32_t>{3},
           "after the FETCH, NOOP reports the expunge as * 3 EXPUNGE (RFC 9051 §6.1.2, §7.5.1)");
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(no_expunge_during_fetch, "fetch.no-expunge-during-fetch",
                   "RFC 9051 §7.5.1, §6.1.2",
                   "a second connection expunges while a FETCH is in progress: no EXPUNGE until "
                   "the FETCH completes, then at NOOP",
                   "", Phase::kAuthenticated, 152);

}  // namespace
}  // namespace imapscope::probe
