// enable.qresync — RFC 7162 §3.2.3: after "ENABLE QRESYNC" the server "MUST start sending
// VANISHED responses ... instead of EXPUNGE responses"; §3.2.5: SELECT (QRESYNC (uidvalidity
// modseq)) reports what was expunged since modseq as VANISHED (EARLIER) and what changed as
// FETCH; §3.2.7: EXPUNGE reports with VANISHED; §3.2.6: UID FETCH (CHANGEDSINCE m VANISHED)
// reports the expunged UIDs as VANISHED (EARLIER), which "MUST be returned before any FETCH
// responses".
#include <algorithm>
#include <set>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

constexpr std::uint64_t kMaxModseq = 9223372036854775807u;  // mod-sequence-value (RFC 7162 §7)

Reply run_on(ImapClient& c, const std::string& text) {
  Reply r = c.command(text);
  if (!r.error.empty()) throw ScenarioFailure(r.command + ": " + r.error);
  return r;
}

struct Vanished {
  std::set<std::uint32_t> uids;
  std::size_t position = 0;  // of the first one among the untagged responses
};

// The UIDs of the "* VANISHED [(EARLIER)] uid-set" responses of `r` with the EARLIER tag or
// without it.
Vanished vanished(const Reply& r, bool earlier) {
  Vanished v;
  v.position = r.untagged.size();
  for (std::size_t i = 0; i < r.untagged.size(); ++i) {
    const ServerResponse& d = *r.untagged[i];
    if (!d.is_data("VANISHED") || d.response.args.empty()) continue;
    const auto& args = d.response.args;
    const bool tagged = args[0].kind == analyzer::ArgKind::kList;
    const bool is_earlier =
        tagged && !args[0].children.empty() && args[0].children[0].is_atom("EARLIER");
    if (is_earlier != earlier) continue;
    v.position = std::min(v.position, i);
    if (args.size() < (tagged ? 2u : 1u)) continue;
    const auto set = analyzer::SequenceSet::parse(args[tagged ? 1 : 0].text);
    if (!set) continue;
    for (const auto& range : set->ranges())
      for (std::uint64_t n = std::min(range.first, range.last);
           n <= std::max(range.first, range.last) && v.uids.size() < 100000; ++n)
        v.uids.insert(static_cast<std::uint32_t>(n));
  }
  return v;
}

std::size_t first_fetch(const Reply& r) {
  for (std::size_t i = 0; i < r.untagged.size(); ++i)
    if (r.untagged[i]->is_data("FETCH")) return i;
  return r.untagged.size();
}

bool flagged(const ServerResponse& f) {
  const analyzer::FetchData d = analyzer::read_fetch(f.response, f.message);
  for (std::string_view flag : d.flags.value_or(std::vector<std::string_view>{}))
    if (analyzer::iequals(flag, "\\Flagged")) return true;
  return false;
}

void enable_qresync(ScenarioContext& s) {
  const std::string box = s.create_mailbox("qresync");
  for (const char* subject : {"qresync-1", "qresync-2", "qresync-3"})
    s.append(box, test_message(subject));
  // RFC 7162 §3.2.3: "ENABLE QRESYNC" once authenticated, before selecting: a connection of
  // its own, as the main one has had mailboxes selected.
  auto other = s.open_connection(true);
  ImapClient& c = *other->client;
  Reply enable = run_on(c, "ENABLE QRESYNC");
  s.expect_ok(enable);
  bool enabled = false;
  for (const ServerResponse* e : enable.data("ENABLED"))
    for (const analyzer::Arg& a : e->response.args)
      enabled = enabled || a.is_atom("QRESYNC");
  s.expect(enabled, "ENABLE QRESYNC answers * ENABLED QRESYNC (RFC 5161 §3.2)");
  Reply status = run_on(c, "STATUS " + quoted(box) + " (UIDVALIDITY HIGHESTMODSEQ)");
  s.expect_ok(status);
  std::optional<std::uint64_t> uidvalidity, modseq;
  for (const ServerResponse* st : status.data("STATUS")) {
    const auto& args = st->response.args;
    if (args.size() != 2 || args[1].kind != analyzer::ArgKind::kList) continue;
    const auto& items = args[1].children;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      if (items[i].is_atom("UIDVALIDITY")) uidvalidity = analyzer::read_number(items[i + 1].text);
      if (items[i].is_atom("HIGHESTMODSEQ"))
        modseq = analyzer::read_number(items[i + 1].text, kMaxModseq);
    }
  }
  s.expect(uidvalidity && modseq,
           "STATUS (UIDVALIDITY HIGHESTMODSEQ) returns both (RFC 7162 §3.1.7)");

  // Changes from the main connection: message 2 expunged, message 1 flagged.
  s.select(box);
  Reply uids = s.run("FETCH 1:3 (UID)");
  s.expect_ok(uids);
  std::uint32_t uid[4] = {};
  for (std::uint32_t n = 1; n <= 3; ++n) {
    const ServerResponse* f = fetch_of(uids, n);
    s.expect(f != nullptr, "a FETCH response for message " + std::to_string(n));
    uid[n] = analyzer::read_fetch(f->response, f->message).uid.value_or(0);
  }
  s.expect_ok(s.run("STORE 2 +FLAGS.SILENT (\\Deleted)"));
  s.expect_ok(s.run("EXPUNGE"));
  s.expect_ok(s.run("STORE 1 +FLAGS.SILENT (\\Flagged)"));
  s.expect_ok(s.run("CLOSE"));

  Reply sel = run_on(c, "SELECT " + quoted(box) + " (QRESYNC (" + std::to_string(*uidvalidity) +
                            " " + std::to_string(*modseq) + "))");
  s.expect_ok(sel);
  const Vanished since = vanished(sel, true);
  s.expect(since.uids.count(uid[2]) == 1,
           "SELECT (QRESYNC ...) reports the UID " + std::to_string(uid[2]) +
               " expunged since then as * VANISHED (EARLIER) (RFC 7162 §3.2.5)");
  const ServerResponse* changed = fetch_of(sel, 1);
  s.expect(changed != nullptr && flagged(*changed),
           "SELECT (QRESYNC ...) reports message 1, flagged since then, with * 1 FETCH "
           "(FLAGS (\\Flagged ...)) (RFC 7162 §3.2.5)");

  // An expunge on this connection: VANISHED, not EXPUNGE.
  s.expect_ok(run_on(c, "STORE 2 +FLAGS.SILENT (\\Deleted)"));  // the third message
  Reply expunge = run_on(c, "EXPUNGE");
  s.expect_ok(expunge);
  s.expect(expunged(expunge).empty(),
           "after ENABLE QRESYNC, EXPUNGE reports with VANISHED, not * n EXPUNGE (RFC 7162 "
           "§3.2.7)");
  s.expect(vanished(expunge, false).uids == std::set<std::uint32_t>{uid[3]},
           "EXPUNGE answers * VANISHED " + std::to_string(uid[3]) + " (RFC 7162 §3.2.10.2)");

  Reply changes =
      run_on(c, "UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + std::to_string(*modseq) + " VANISHED)");
  s.expect_ok(changes);
  const Vanished earlier = vanished(changes, true);
  s.expect(earlier.uids.count(uid[2]) == 1 && earlier.uids.count(uid[3]) == 1,
           "UID FETCH (CHANGEDSINCE m VANISHED) reports the UIDs " + std::to_string(uid[2]) +
               " and " + std::to_string(uid[3]) +
               " expunged since m as * VANISHED (EARLIER) (RFC 7162 §3.2.6)");
  s.expect(earlier.position < first_fetch(changes),
           "VANISHED (EARLIER) MUST come before any FETCH response (RFC 7162 §3.2.6)");
  const ServerResponse* first = fetch_of(changes, 1);
  s.expect(first != nullptr && flagged(*first),
           "UID FETCH (CHANGEDSINCE m ...) returns the flagged message 1 changed since m");
  s.expect_ok(run_on(c, "CLOSE"));
  run_on(c, "LOGOUT");
}

IMAPSCOPE_SCENARIO(enable_qresync, "enable.qresync",
                   "RFC 7162 §3.2.3, §3.2.5, §3.2.6, §3.2.7, §3.2.10",
                   "ENABLE QRESYNC, SELECT (QRESYNC ...) after changes, EXPUNGE as VANISHED, "
                   "UID FETCH (CHANGEDSINCE m VANISHED)",
                   "QRESYNC", Phase::kAuthenticated, 161);

}  // namespace
}  // namespace imapscope::probe
