// subscribe.lsub — RFC 9051 §6.3.7 SUBSCRIBE "adds the specified mailbox name to the server's
// set of 'active' or 'subscribed' mailboxes as returned by the LIST (SUBSCRIBED) command", and
// "returns a tagged OK ... if the mailbox is already subscribed"; §6.3.8 UNSUBSCRIBE removes
// it, OK too "if the mailbox is not subscribed". RFC 3501 §6.3.9: LSUB returns "only ... those
// names that the user has declared as being 'active' or 'subscribed'" (IMAP4rev1; RFC 9051 dropped
// LSUB). RFC 5258 §3.1 (RFC 9051 §6.3.9.1): the SUBSCRIBED selection option returns the subscribed
// names, each with the \Subscribed attribute.
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

// The LIST (or LSUB) responses of `r` naming `box`.
std::vector<const ServerResponse*> naming(const Reply& r, std::string_view name,
                                          const std::string& box) {
  std::vector<const ServerResponse*> out;
  for (const ServerResponse* d : r.data(name))
    if (d->response.args.size() >= 3 && string_value(*d, d->response.args[2]) == box)
      out.push_back(d);
  return out;
}

bool has_attribute(const ServerResponse& d, std::string_view attribute) {
  const analyzer::Arg& attributes = d.response.args[0];
  if (attributes.kind != analyzer::ArgKind::kList) return false;
  for (const analyzer::Arg& a : attributes.children)
    if (analyzer::iequals(a.text, attribute)) return true;
  return false;
}

// Whether `box` is listed as subscribed, by LSUB (IMAP4rev1) and by LIST (SUBSCRIBED) (with
// LIST-EXTENDED or IMAP4rev2); both must agree.
bool subscribed(ScenarioContext& s, const std::string& box) {
  std::optional<bool> lsub, list;
  if (s.has("IMAP4rev1")) {
    Reply r = s.run("LSUB \"\" " + quoted(box));
    s.expect_ok(r);
    lsub = !naming(r, "LSUB", box).empty();
  }
  if (s.has("LIST-EXTENDED") || s.has("IMAP4rev2")) {
    Reply r = s.run("LIST (SUBSCRIBED) \"\" " + quoted(box));
    s.expect_ok(r);
    const auto found = naming(r, "LIST", box);
    for (const ServerResponse* d : found)
      s.expect(has_attribute(*d, "\\Subscribed"),
               "LIST (SUBSCRIBED) returns subscribed names with \\Subscribed (RFC 5258 §3.1), "
               "the server said '" +
                   d->words() + "'");
    list = !found.empty();
  }
  s.expect(!lsub || !list || *lsub == *list,
           "LSUB and LIST (SUBSCRIBED) disagree on whether " + box + " is subscribed");
  return lsub.value_or(list.value_or(false));
}

void subscribe_lsub(ScenarioContext& s) {
  if (!s.has("IMAP4rev1") && !s.has("LIST-EXTENDED") && !s.has("IMAP4rev2"))
    throw ScenarioSkipped("neither LSUB (IMAP4rev1) nor LIST (SUBSCRIBED) is offered");
  const std::string box = s.create_mailbox("subscribed");
  s.expect(!subscribed(s, box), "a new mailbox is not subscribed: " + box);
  s.expect_ok(s.run("SUBSCRIBE " + quoted(box)));
  s.expect(subscribed(s, box), "after SUBSCRIBE the mailbox is listed as subscribed: " + box);
  s.expect_ok(s.run("SUBSCRIBE " + quoted(box)));  // already subscribed: OK all the same
  s.expect_ok(s.run("UNSUBSCRIBE " + quoted(box)));
  s.expect(!subscribed(s, box), "after UNSUBSCRIBE the mailbox is no longer subscribed: " + box);
  s.expect_ok(s.run("UNSUBSCRIBE " + quoted(box)));  // not subscribed: OK all the same
}

IMAPSCOPE_SCENARIO(subscribe_lsub, "subscribe.lsub",
                   "RFC 9051 §6.3.7, §6.3.8, §6.3.9.1; RFC 3501 §6.3.9; RFC 5258 §3.1",
                   "SUBSCRIBE and UNSUBSCRIBE of a probe mailbox, checked with LSUB and "
                   "LIST (SUBSCRIBED)",
                   "", Phase::kAuthenticated, 45);

}  // namespace
}  // namespace imapscope::probe
