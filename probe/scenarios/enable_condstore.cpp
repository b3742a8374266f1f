// enable.condstore — RFC 9051 §6.3.1 (RFC 5161 §3.1): ENABLE answers "* ENABLED" with the
// extensions it enabled; RFC 7162 §3.1.8: once CONDSTORE is enabled, SELECT returns
// OK [HIGHESTMODSEQ n] and FETCH (MODSEQ) a MODSEQ item (§3.1.4.1); STORE raises it.
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

// Runs `text` on `c`; a transport failure ends the scenario.
Reply run_on(ImapClient& c, const std::string& text) {
  Reply r = c.command(text);
  if (!r.error.empty()) throw ScenarioFailure(r.command + ": " + r.error);
  return r;
}

void enable_condstore(ScenarioContext& s) {
  if (!s.has("CONDSTORE")) throw ScenarioSkipped("the server does not offer CONDSTORE");
  const std::string box = s.create_mailbox("condstore");
  s.append(box, test_message("condstore"));
  // RFC 5161 §3.1: ENABLE only before any mailbox is selected, so on a connection of its own.
  auto other = s.open_connection(true);
  ImapClient& c = *other->client;
  Reply r = run_on(c, "ENABLE CONDSTORE");
  s.expect_ok(r);
  bool enabled = false;
  for (const ServerResponse* e : r.data("ENABLED"))
    for (const analyzer::Arg& a : e->response.args)
      enabled = enabled || a.is_atom("CONDSTORE");
  s.expect(enabled, "ENABLE CONDSTORE answers * ENABLED CONDSTORE (RFC 5161 §3.2)");
  Reply sel = run_on(c, "SELECT " + quoted(box));
  s.expect_ok(sel);
  bool highest = false;
  for (const ResponsePtr& u : sel.untagged)
    highest = highest || (u->parsed && u->response.code &&
                          analyzer::iequals(u->response.code->name, "HIGHESTMODSEQ"));
  s.expect(highest,
           "SELECT after ENABLE CONDSTORE returns OK [HIGHESTMODSEQ n] (RFC 7162 "
           "§3.1.2.1)");
  Reply before = run_on(c, "FETCH 1 (MODSEQ)");
  s.expect_ok(before);
  const ServerResponse* f = fetch_of(before, 1);
  s.expect(f != nullptr, "a FETCH response for message 1");
  const auto m1 = analyzer::read_fetch(f->response, f->message).modseq;
  s.expect(m1.has_value(),
           "FETCH (MODSEQ) returns MODSEQ (n), the server said '" + f->words() + "'");
  s.expect_ok(run_on(c, "STORE 1 +FLAGS.SILENT (\\Flagged)"));
  Reply after = run_on(c, "FETCH 1 (MODSEQ)");
  s.expect_ok(after);
  const ServerResponse* g = fetch_of(after, 1);
  s.expect(g != nullptr, "a FETCH response for message 1");
  const auto m2 = analyzer::read_fetch(g->response, g->message).modseq;
  s.expect(m2 && *m2 > *m1, "STORE must raise the message's MODSEQ (RFC 7162 §3.1.1)");
  s.expect_ok(run_on(c, "CLOSE"));
  run_on(c, "LOGOUT");
}

IMAPSCOPE_SCENARIO(enable_condstore, "enable.condstore", "RFC 5161 §3.1; RFC 7162 §3.1",
                   "ENABLE CONDSTORE, HIGHESTMODSEQ on SELECT, MODSEQ raised by STORE", "ENABLE",
                   Phase::kAuthenticated, 160);

}  // namespace
}  // namespace imapscope::probe
