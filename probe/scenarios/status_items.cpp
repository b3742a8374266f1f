// status.items — RFC 9051 §6.3.11: STATUS answers one untagged STATUS with the requested
// items; after two APPENDs (one \Seen) MESSAGES is 2 and UNSEEN 1, and UIDNEXT is above the
// UIDs used.
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void status_items(ScenarioContext& s) {
  const std::string box = s.create_mailbox("status");
  s.append(box, test_message("status-1"));
  s.append(box, test_message("status-2"), "(\\Seen)");
  Reply r = s.run("STATUS " + quoted(box) + " (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)");
  s.expect_ok(r);
  const auto st = r.data("STATUS");
  s.expect(st.size() == 1,
           "exactly one untagged STATUS response, got " + std::to_string(st.size()));
  const auto& args = st[0]->response.args;
  s.expect(args.size() == 2 && args[1].kind == analyzer::ArgKind::kList,
           "STATUS mailbox (items), the server said '" + st[0]->words() + "'");
  std::optional<std::uint64_t> messages, uidnext, uidvalidity, unseen;
  const auto& items = args[1].children;
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
    auto value = analyzer::read_number(items[i + 1].text);
    if (items[i].is_atom("MESSAGES")) messages = value;
    if (items[i].is_atom("UIDNEXT")) uidnext = value;
    if (items[i].is_atom("UIDVALIDITY")) uidvalidity = value;
    if (items[i].is_atom("UNSEEN")) unseen = value;
  }
  const std::string said = ", the server said '" + st[0]->words() + "'";
  s.expect(messages == 2u, "MESSAGES 2 after two APPENDs" + said);
  s.expect(unseen == 1u, "UNSEEN 1 (one of the two was appended \\Seen)" + said);
  s.expect(uidnext && *uidnext >= 3, "UIDNEXT above the two UIDs used" + said);
  s.expect(uidvalidity && *uidvalidity > 0, "a non-zero UIDVALIDITY" + said);
}

IMAPSCOPE_SCENARIO(status_items, "status.items", "RFC 9051 §6.3.11",
                   "STATUS MESSAGES UIDNEXT UIDVALIDITY UNSEEN of a probe mailbox", "",
                   Phase::kAuthenticated, 60);

}  // namespace
}  // namespace imapscope::probe
