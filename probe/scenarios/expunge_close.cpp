// expunge.close-unselect — RFC 9051 §6.4.3: EXPUNGE removes the \Deleted messages with an
// untagged EXPUNGE each; §6.4.1: CLOSE removes them silently ("No untagged EXPUNGE responses
// are sent"); §6.4.2: UNSELECT leaves without removing anything.
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

std::optional<std::uint64_t> message_count(ScenarioContext& s, const std::string& box) {
  Reply r = s.run("STATUS " + quoted(box) + " (MESSAGES)");
  s.expect_ok(r);
  for (const ServerResponse* st : r.data("STATUS")) {
    const auto& args = st->response.args;
    if (args.size() == 2 && args[1].children.size() == 2)
      return analyzer::read_number(args[1].children[1].text);
  }
  return std::nullopt;
}

void expunge_close_unselect(ScenarioContext& s) {
  const std::string box = s.create_mailbox("expunge");
  for (const char* subject : {"expunge-1", "expunge-2", "expunge-3", "expunge-4"})
    s.append(box, test_message(subject));
  s.select(box);
  s.expect_ok(s.run("STORE 2 +FLAGS.SILENT (\\Deleted)"));
  Reply e = s.run("EXPUNGE");
  s.expect_ok(e);
  s.expect(expunged(e) == std::vector<std::uint32_t>{2},
           "EXPUNGE answers * 2 EXPUNGE for the one \\Deleted message");
  s.expect_ok(s.run("STORE 1 +FLAGS.SILENT (\\Deleted)"));
  Reply close = s.run("CLOSE");
  s.expect_ok(close);
  s.expect(expunged(close).empty(), "CLOSE sends no untagged EXPUNGE (RFC 9051 §6.4.1)");
  s.expect(message_count(s, box) == 2u, "CLOSE removed the \\Deleted message: 2 are left");
  if (!s.has("UNSELECT") && !s.has("IMAP4rev2")) return;
  s.select(box);
  s.expect_ok(s.run("STORE 1 +FLAGS.SILENT (\\Deleted)"));
  Reply unselect = s.run("UNSELECT");
  s.expect_ok(unselect);
  s.expect(message_count(s, box) == 2u, "UNSELECT removes nothing (RFC 9051 §6.4.2)");
}

IMAPSCOPE_SCENARIO(expunge_close_unselect, "expunge.close-unselect",
                   "RFC 9051 §6.4.1, §6.4.2, §6.4.3",
                   "EXPUNGE with its responses, CLOSE silently, UNSELECT without removing", "",
                   Phase::kAuthenticated, 140);

}  // namespace
}  // namespace imapscope::probe
