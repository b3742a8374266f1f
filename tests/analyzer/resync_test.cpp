// Resynchronization after a gap: which line starts are trusted, that the scanner finds them
// across any chunking, and what the session forgets and when it trusts itself again.

#include "analyzer/resync.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer/session.h"

namespace imapscope::analyzer {
namespace {

bool no_tag(std::string_view) {
  return false;
}

TEST(Resync, CommandStartsAreATagAndAKnownCommandName) {
  EXPECT_TRUE(plausible_command_start("a3 NOOP\r\n"));
  EXPECT_TRUE(plausible_command_start("A0042 uid fetch 1:* (FLAGS)\r\n"));
  EXPECT_TRUE(plausible_command_start("x SELECT INBOX"));
  // Literal data and the tails of lines: what a gap leaves in front of the next command.
  EXPECT_FALSE(plausible_command_start("ECT INBOX\r\n"));
  EXPECT_FALSE(plausible_command_start("Subject: imapscope test\r\n"));
  EXPECT_FALSE(plausible_command_start("DONE\r\n"));
  EXPECT_FALSE(plausible_command_start("a1 FETCHED everything\r\n"));
  EXPECT_FALSE(plausible_command_start("+tag NOOP\r\n"));
  EXPECT_FALSE(plausible_command_start("a1 UID\r\n"));
  EXPECT_FALSE(plausible_command_start("\r\n"));
}

TEST(Resync, ResponseStartsAreKnownUntaggedOrATagInProgress) {
  EXPECT_TRUE(plausible_response_start("* OK [UIDNEXT 4] Predicted\r\n", no_tag));
  EXPECT_TRUE(plausible_response_start("* 12 FETCH (FLAGS ())\r\n", no_tag));
  EXPECT_TRUE(plausible_response_start("* 3 EXPUNGE\r\n", no_tag));
  EXPECT_TRUE(plausible_response_start("* CAPABILITY IMAP4rev2\r\n", no_tag));
  const auto a7 = [](std::string_view tag) { return tag == "a7"; };
  EXPECT_TRUE(plausible_response_start("a7 OK done\r\n", a7));
  EXPECT_FALSE(plausible_response_start("a8 OK done\r\n", a7));
  EXPECT_FALSE(plausible_response_start("a7 DONE\r\n", a7));
  // Body text of a literal, a continuation (its text is free), bullets in a message.
  EXPECT_FALSE(plausible_response_start("* an item in a list\r\n", no_tag));
  EXPECT_FALSE(plausible_response_start("* 3 apples\r\n", no_tag));
  EXPECT_FALSE(plausible_response_start("+ Ready\r\n", no_tag));
  EXPECT_FALSE(plausible_response_start("To: Bob <bob@example.test>\r\n", no_tag));
}

// The bytes framing resumes with, for a stream fed in chunks of `chunk` bytes.
std::string resume_point(const std::string& stream, std::size_t chunk, std::uint64_t& skipped) {
  ResyncScanner scanner;
  scanner.start();
  for (std::size_t at = 0; at < stream.size(); at += chunk) {
    auto r = scanner.scan(std::string_view(stream).substr(at, chunk), {},
                          [](std::string_view head) { return plausible_command_start(head); });
    if (r) {
      skipped = r->skipped;
      return r->head + std::string(r->rest) + stream.substr(std::min(stream.size(), at + chunk));
    }
  }
  return "<none>";
}

TEST(Resync, ScannerFindsTheSamePointWhateverTheChunks) {
  const std::string stream =
      "ECT INBOX\r\nbody text a1 NOOP\r\nDONE\r\n" + std::string(200, 'x') + "\r\na9 NOOP\r\n";
  const std::string expected = "a9 NOOP\r\n";
  for (std::size_t chunk : {1u, 2u, 7u, 64u, 97u, 1000u}) {
    SCOPED_TRACE(chunk);
    std::uint64_t skipped = 0;
    EXPECT_EQ(resume_point(stream, chunk, skipped), expected);
    EXPECT_EQ(skipped, stream.size() - expected.size());
  }
}

TEST(Resync, TheFirstByteAfterTheGapMayBeALineStart) {
  std::uint64_t skipped = 1;
  EXPECT_EQ(resume_point("a3 NOOP\r\na4 NOOP\r\n", 5, skipped), "a3 NOOP\r\na4 NOOP\r\n");
  EXPECT_EQ(skipped, 0u);
}

class Seen final : public SessionObserver {
 public:
  void on_command(const Command& command, const MessageInfo& /*info*/) override {
    events.push_back("C:" + std::string(command.tag));
  }
  void on_completion(const Response& r, const InFlightCommand* command,
                     const MessageInfo& /*info*/) override {
    events.push_back("S:" + std::string(r.tag) + (command == nullptr ? "?" : ""));
  }
  void on_untagged(const Response& r, const MessageInfo& /*info*/) override {
    events.push_back("S:* " + std::string(r.name));
  }
  std::vector<std::string> events;
};

void feed(Session& s, Direction d, std::string_view bytes) {
  s.feed(d, bytes, {});
}
constexpr Direction kC = Direction::kClientToServer;
constexpr Direction kS = Direction::kServerToClient;

TEST(SessionResync, AServerGapInAFetchLiteralResumesAtTheNextResponse) {
  Session s;
  Seen seen;
  s.add_observer(&seen);
  feed(s, kS, "* OK hi\r\n");
  feed(s, kC, "a1 LOGIN alice secret\r\n");
  feed(s, kS, "a1 OK done\r\n");
  feed(s, kC, "a2 SELECT INBOX\r\n");
  feed(s, kS, "* 2 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\na2 OK [READ-WRITE] done\r\n");
  feed(s, kC, "a3 FETCH 1 BODY[]\r\n");
  feed(s, kS, "* 1 FETCH (BODY[] {100}\r\nFrom: a\r\n");
  s.on_gap(kS, 50);
  EXPECT_TRUE(s.findings_suspended());
  EXPECT_EQ(s.mailbox(), nullptr) << "the mailbox's contents are unknown after a gap";
  // The rest of the literal, with a line that looks like a response, then a3's completion.
  feed(s, kS, "* list item\r\n\r\n)\r\na3 OK Fetch done\r\n");
  EXPECT_FALSE(s.findings_suspended()) << "no state-changing command was in progress";
  EXPECT_EQ(s.state(), ConnectionState::kSelected);
  feed(s, kC, "a4 NOOP\r\n");
  feed(s, kS, "a4 OK done\r\n");
  s.finish();
  // a3's completion is applied but not shown: its responses were lost.
  EXPECT_EQ(seen.events.back(), "S:a4");
  EXPECT_EQ(std::count(seen.events.begin(), seen.events.end(), "S:a3"), 0);
  EXPECT_TRUE(s.findings_suspended()) << "a connection with a gap is not judged on its end";
}

TEST(SessionResync, AClientGapSuspendsFindingsUntilTheStateIsKnown) {
  Session s;
  Seen seen;
  s.add_observer(&seen);
  feed(s, kS, "* OK hi\r\n");
  feed(s, kC, "a1 LOGIN alice secret\r\n");
  s.on_gap(kC, 40);  // "a2 SELECT INBOX\r\n" and more, never seen
  feed(s, kC, "INBOX\r\na3 NOOP\r\n");
  EXPECT_TRUE(s.findings_suspended()) << "lost commands may have changed the state";
  feed(s, kS, "a1 OK done\r\na2 OK [READ-WRITE] selected\r\n");
  feed(s, kS, "a3 OK\r\n");
  EXPECT_TRUE(s.findings_suspended());
  // a2's completion answered a command the session never saw: not reported as unknown.
  EXPECT_EQ(std::count(seen.events.begin(), seen.events.end(), "S:a2?"), 0);
  feed(s, kC, "a4 SELECT INBOX\r\n");
  feed(s, kS, "* 3 EXISTS\r\na4 OK [READ-WRITE] selected\r\n");
  EXPECT_FALSE(s.findings_suspended());
  EXPECT_EQ(s.state(), ConnectionState::kSelected);
  ASSERT_NE(s.mailbox(), nullptr);
  EXPECT_EQ(s.mailbox()->exists(), 3u);
}

TEST(SessionResync, AConnectionPickedUpMidStreamIsReadFromItsFirstMessageStart) {
  Session s;
  Seen seen;
  s.add_observer(&seen);
  s.on_gap(kS, 0);
  s.on_gap(kC, 0);
  feed(s, kS, "ENVELOPE stuff)\r\n* 4 FETCH (FLAGS ())\r\n");
  feed(s, kC, "lo world\r\nb7 LOGOUT\r\n");
  feed(s, kS, "* BYE bye\r\nb7 OK done\r\n");
  s.finish();
  EXPECT_EQ(seen.events, (std::vector<std::string>{"S:* FETCH", "C:b7", "S:* BYE", "S:b7"}));
  EXPECT_EQ(s.state(), ConnectionState::kLogout);
}

}  // namespace
}  // namespace imapscope::analyzer
