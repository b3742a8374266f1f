#include "capture/rawlog_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/capture/recording_sink.h"
#include "tests/support/temp_file.h"

namespace imapscope::capture {
namespace {

using testing::RecordingSink;
using testing::TempFile;

// NAME.in and NAME.out side by side in one temporary directory.
class RawlogPair {
 public:
  RawlogPair(const std::string& in, const std::string& out) : in_(in, "conn.in", true) {
    std::ofstream file(out_path(), std::ios::binary);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
  }
  const std::string& in_path() const { return in_.path(); }
  std::string out_path() const { return in_.dir() + "/conn.out"; }

  RecordingSink read(ConnectionId id = 3) const {
    RecordingSink sink;
    const auto error = read_rawlog(in_path(), out_path(), id, sink);
    EXPECT_FALSE(error.has_value()) << (error ? error->to_string() : "");
    return sink;
  }

 private:
  TempFile in_;
};

TEST(RawlogReader, StampedPairIsMergedByTimestamp) {
  // The server's "+" (…0.000500) comes between the APPEND line and its literal, and the client
  // line at …0.000200 between the greeting and a1's completion.
  const RawlogPair pair(
      "1700000000.000200 a1 NOOP\r\n"
      "1700000000.000400 a2 APPEND INBOX {6}\r\n"
      "1700000000.000600 ab\r\n"
      "1700000000.000601 cd\r\n",
      "1700000000.000001 * OK ready\r\n"
      "1700000000.000300 a1 OK done\r\n"
      "1700000000.000500 + go\r\n"
      "1700000000.000700 a2 OK appended\r\n");
  const RecordingSink sink = pair.read();
  const std::vector<std::string> expected = {
      "S:* OK ready\r\n",
      "C:a1 NOOP\r\n",
      "S:a1 OK done\r\n",
      "C:a2 APPEND INBOX {6}\r\n",
      "S:+ go\r\n",
      // The literal's lines carry stamps too (every line of the file does); they are stripped.
      "C:ab\r\ncd\r\n",
      "S:a2 OK appended\r\n",
  };
  EXPECT_EQ(sink.turns(), expected);
  EXPECT_EQ(sink.client, "a1 NOOP\r\na2 APPEND INBOX {6}\r\nab\r\ncd\r\n");
  EXPECT_EQ(sink.begins, 1);
  EXPECT_EQ(sink.ends, 1);
  EXPECT_EQ(sink.last_id, 3u);
  // Dovecot splits a connection's log at the login hand-off; either part may be given.
  EXPECT_TRUE(sink.meta.may_start_after_login);
  EXPECT_TRUE(sink.meta.may_end_at_login);
}

TEST(RawlogReader, OriginHasTimeAndFileLine) {
  const RawlogPair pair(
      "1795452635.386817 a1 NOOP\r\n"
      "1795452636.000002 a2 LOGOUT\r\n",
      "1795452635.000009 * OK ready\r\n"
      "1795452635.500000 a1 OK done\r\n");
  const RecordingSink sink = pair.read();
  ASSERT_EQ(sink.chunks.size(), 4u);
  struct Expected {
    Direction dir;
    std::uint64_t line;
    Timestamp time;
  };
  const Expected expected[] = {
      {Direction::kServerToClient, 1, 1795452635000009},
      {Direction::kClientToServer, 1, 1795452635386817},
      {Direction::kServerToClient, 2, 1795452635500000},
      {Direction::kClientToServer, 2, 1795452636000002},
  };
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(sink.chunks[i].dir, expected[i].dir);
    EXPECT_EQ(sink.chunks[i].origin.line, expected[i].line);
    ASSERT_TRUE(sink.chunks[i].origin.time.has_value());
    EXPECT_EQ(*sink.chunks[i].origin.time, expected[i].time);
    EXPECT_EQ(sink.chunks[i].origin.packet, 0u);
  }
}

// rawlog_reader.cpp: on equal stamps the client's line goes first (a response follows what it
// answers), except before the greeting, which always opens the connection.
TEST(RawlogReader, TiesOrderClientFirstExceptBeforeGreeting) {
  const RawlogPair pair(
      "100.000001 a1 NOOP\r\n"
      "100.000002 a2 NOOP\r\n",
      "100.000001 * OK ready\r\n"
      "100.000002 a1 OK done\r\n");
  const RecordingSink sink = pair.read();
  const std::vector<std::string> expected = {
      "S:* OK ready\r\n",
      "C:a1 NOOP\r\na2 NOOP\r\n",
      "S:a1 OK done\r\n",
  };
  EXPECT_EQ(sink.turns(), expected);
}

TEST(RawlogReader, StampedLineWithoutStampIsInputError) {
  const RawlogPair pair(
      "100.000002 a1 NOOP\r\n"
      "a2 NOOP\r\n",
      "100.000001 * OK ready\r\n"
      "100.000003 a1 OK done\r\n");
  RecordingSink sink;
  const auto error = read_rawlog(pair.in_path(), pair.out_path(), 1, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path, pair.in_path());
  EXPECT_EQ(error->line, 2u);
  EXPECT_NE(error->message.find("timestamp"), std::string::npos) << error->message;
  EXPECT_EQ(sink.ends, 1);
}

TEST(RawlogReader, ServerLineWithoutStampIsInputErrorInOutFile) {
  const RawlogPair pair("100.000002 a1 NOOP\r\n",
                        "100.000001 * OK ready\r\n"
                        "100.000003 a1 OK done\r\n"
                        "1.5 * BYE\r\n");
  RecordingSink sink;
  const auto error = read_rawlog(pair.in_path(), pair.out_path(), 1, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path, pair.out_path());
  EXPECT_EQ(error->line, 3u);
}

TEST(RawlogReader, UnstampedPairIsOrderedByTurnTaking) {
  const RawlogPair pair(
      "a1 CAPABILITY\r\n"
      "a2 SELECT INBOX\r\n"
      "a3 LOGOUT\r\n",
      "* OK ready\r\n"
      "* CAPABILITY IMAP4rev2\r\n"
      "a1 OK done\r\n"
      "* 3 EXISTS\r\n"
      "a2 OK [READ-WRITE] selected\r\n"
      "* BYE bye\r\n"
      "a3 OK logged out\r\n");
  const RecordingSink sink = pair.read();
  const std::vector<std::string> expected = {
      "S:* OK ready\r\n",
      "C:a1 CAPABILITY\r\n",
      "S:* CAPABILITY IMAP4rev2\r\na1 OK done\r\n",
      "C:a2 SELECT INBOX\r\n",
      "S:* 3 EXISTS\r\na2 OK [READ-WRITE] selected\r\n",
      "C:a3 LOGOUT\r\n",
      "S:* BYE bye\r\na3 OK logged out\r\n",
  };
  EXPECT_EQ(sink.turns(), expected);
  for (const auto& chunk : sink.chunks)
    EXPECT_FALSE(chunk.origin.time.has_value());
}

// A continuation request asks for more of the same command (RFC 9051 §7.6): a SASL answer
// (§6.2.2) or IDLE's DONE (§6.3.13) is not a command with a tag of its own, so the command's
// own completion still ends the server's turn.
TEST(RawlogReader, UnstampedTurnTakingFollowsContinuations) {
  const RawlogPair pair(
      "a1 AUTHENTICATE PLAIN\r\n"
      "AGFsaWNlAHNlY3JldA==\r\n"
      "a2 IDLE\r\n"
      "DONE\r\n"
      "a3 LOGOUT\r\n",
      "* OK ready\r\n"
      "+ \r\n"
      "a1 OK authenticated\r\n"
      "+ idling\r\n"
      "* 4 EXISTS\r\n"
      "a2 OK idle done\r\n"
      "* BYE bye\r\n"
      "a3 OK logged out\r\n");
  const RecordingSink sink = pair.read();
  const std::vector<std::string> expected = {
      "S:* OK ready\r\n",
      "C:a1 AUTHENTICATE PLAIN\r\n",
      "S:+ \r\n",
      "C:AGFsaWNlAHNlY3JldA==\r\n",
      "S:a1 OK authenticated\r\n",
      "C:a2 IDLE\r\n",
      "S:+ idling\r\n",
      "C:DONE\r\n",
      "S:* 4 EXISTS\r\na2 OK idle done\r\n",
      "C:a3 LOGOUT\r\n",
      "S:* BYE bye\r\na3 OK logged out\r\n",
  };
  EXPECT_EQ(sink.turns(), expected);
}

TEST(RawlogReader, ClientOnlyAndServerOnlyFiles) {
  const RawlogPair client_only("100.000001 a1 NOOP\r\n", "");
  RecordingSink a = client_only.read();
  EXPECT_EQ(a.client, "a1 NOOP\r\n");
  EXPECT_EQ(a.server, "");

  const RawlogPair server_only("", "* OK ready\r\n* BYE\r\n");
  RecordingSink b = server_only.read();
  EXPECT_EQ(b.server, "* OK ready\r\n* BYE\r\n");
}

TEST(RawlogReader, MissingPartnerIsInputError) {
  TempFile in("100.000001 a1 NOOP\r\n", "conn.in", true);
  RecordingSink sink;
  const std::string out = in.dir() + "/conn.out";
  const auto error = read_rawlog(in.path(), out, 1, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path, out);
  EXPECT_EQ(sink.begins, 0);
}

TEST(RawlogTimestamp, AcceptsSecondsDotMicrosSpace) {
  Timestamp t = 0;
  EXPECT_EQ(parse_rawlog_timestamp("1795452635.386817 ", t), 18u);
  EXPECT_EQ(t, 1795452635386817);
  t = 0;
  EXPECT_EQ(parse_rawlog_timestamp("1795452635.000001 a1 NOOP\r\n", t), 18u);
  EXPECT_EQ(t, 1795452635000001);
  EXPECT_EQ(parse_rawlog_timestamp("0.000000 x", t), 9u);
  EXPECT_EQ(t, 0);
}

TEST(RawlogTimestamp, RejectsOtherForms) {
  Timestamp t = 42;
  EXPECT_EQ(parse_rawlog_timestamp("123.45 ", t), 0u);
  EXPECT_EQ(parse_rawlog_timestamp("abc", t), 0u);
  EXPECT_EQ(parse_rawlog_timestamp("1795452635.386817", t), 0u);    // no space after it
  EXPECT_EQ(parse_rawlog_timestamp("1795452635.3868170 ", t), 0u);  // seven digits
  EXPECT_EQ(parse_rawlog_timestamp(".386817 ", t), 0u);
  EXPECT_EQ(parse_rawlog_timestamp("1795452635 a1 NOOP", t), 0u);
  EXPECT_EQ(parse_rawlog_timestamp("1795452635.386817\tx", t), 0u);
  EXPECT_EQ(parse_rawlog_timestamp("", t), 0u);
  EXPECT_EQ(parse_rawlog_timestamp("* OK ready", t), 0u);
  EXPECT_EQ(t, 42);  // untouched when there is no stamp
}

}  // namespace
}  // namespace imapscope::capture
