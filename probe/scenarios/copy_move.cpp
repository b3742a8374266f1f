// copy.messages, move.messages — RFC 9051 §6.4.7 COPY copies to the end of the destination;
// §6.4.8 MOVE (RFC 6851 §3.1) moves them: untagged EXPUNGE for the moved messages, and the
// destination holds them. To a missing mailbox both get NO [TRYCREATE].
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

void copy_messages(ScenarioContext& s) {
  const std::string box = s.create_mailbox("copy");
  const std::string dest = s.create_mailbox("copy-dest");
  s.append(box, test_message("copy-1"));
  s.append(box, test_message("copy-2"));
  s.select(box);
  s.expect_ok(s.run("COPY 1:2 " + quoted(dest)));
  Reply missing = s.run("COPY 1 " + quoted(s.child("no-such-mailbox")));
  s.expect_status(missing, analyzer::Status::kNo);
  s.expect(missing.code("TRYCREATE") != nullptr,
           "COPY to a missing mailbox gets NO [TRYCREATE], the server said " + missing.words());
  s.expect_ok(s.run("CLOSE"));
  s.expect(message_count(s, dest) == 2u, "the destination holds the 2 copied messages");
  s.expect(message_count(s, box) == 2u, "COPY leaves the source as it was");
}

void move_messages(ScenarioContext& s) {
  const std::string box = s.create_mailbox("move");
  const std::string dest = s.create_mailbox("move-dest");
  s.append(box, test_message("move-1"));
  s.append(box, test_message("move-2"));
  s.select(box);
  Reply r = s.run("MOVE 1 " + quoted(dest));
  s.expect_ok(r);
  s.expect(expunged(r) == std::vector<std::uint32_t>{1},
           "MOVE answers * 1 EXPUNGE for the moved message (RFC 6851 §3.1)");
  s.expect_ok(s.run("CLOSE"));
  s.expect(message_count(s, dest) == 1u, "the destination holds the moved message");
  s.expect(message_count(s, box) == 1u, "the source holds the one not moved");
}

IMAPSCOPE_SCENARIO(copy_messages, "copy.messages", "RFC 9051 §6.4.7",
                   "COPY to a probe mailbox, and to a missing one (NO [TRYCREATE])", "",
                   Phase::kAuthenticated, 130);
IMAPSCOPE_SCENARIO(move_messages, "move.messages", "RFC 9051 §6.4.8; RFC 6851 §3.1",
                   "MOVE with its EXPUNGE, checked in both mailboxes", "MOVE|IMAP4rev2",
                   Phase::kAuthenticated, 131);

}  // namespace
}  // namespace imapscope::probe
