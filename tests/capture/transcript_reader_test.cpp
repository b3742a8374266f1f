#include "capture/transcript_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/capture/recording_sink.h"
#include "tests/support/temp_file.h"

namespace imapscope::capture {
namespace {

using testing::RecordingSink;
using testing::TempFile;

// Reads `content` as a transcript; fails the test on an input error.
RecordingSink read_ok(const std::string& content, ConnectionId id = 7) {
  TempFile file(content);
  RecordingSink sink;
  const auto error = read_transcript(file.path(), id, sink);
  EXPECT_FALSE(error.has_value()) << (error ? error->to_string() : "");
  return sink;
}

TEST(TranscriptReader, LinesBecomeCrlfTerminatedStreams) {
  const RecordingSink sink = read_ok(
      "S: * OK ready\n"
      "C: a1 NOOP\n"
      "S: a1 OK done\n");
  EXPECT_EQ(sink.server, "* OK ready\r\na1 OK done\r\n");
  EXPECT_EQ(sink.client, "a1 NOOP\r\n");
  EXPECT_EQ(sink.begins, 1);
  EXPECT_EQ(sink.ends, 1);
  EXPECT_EQ(sink.last_id, 7u);
  EXPECT_FALSE(sink.meta.may_start_after_login);
  const std::vector<std::string> expected = {"S:* OK ready\r\n", "C:a1 NOOP\r\n",
                                             "S:a1 OK done\r\n"};
  EXPECT_EQ(sink.turns(), expected);
}

TEST(TranscriptReader, EveryChunkCarriesItsFileLine) {
  const RecordingSink sink = read_ok(
      "# a comment\n"
      "S: * OK ready\n"
      "\n"
      "C: a1 NOOP\n");
  ASSERT_FALSE(sink.chunks.empty());
  for (const auto& chunk : sink.chunks) {
    const std::uint64_t expected = chunk.dir == Direction::kServerToClient ? 2u : 4u;
    EXPECT_EQ(chunk.origin.line, expected) << chunk.bytes;
    EXPECT_EQ(chunk.origin.packet, 0u);
    EXPECT_FALSE(chunk.origin.time.has_value());
  }
}

// "C:" alone is an empty line: the stream gets just CRLF.
TEST(TranscriptReader, BarePrefixAddsEmptyLine) {
  const RecordingSink sink = read_ok("C: a1 LOGIN {3}\nC: abc\nC:\nC: \n");
  EXPECT_EQ(sink.client, "a1 LOGIN {3}\r\nabc\r\n\r\n\r\n");
}

TEST(TranscriptReader, CommentsAndBlankLinesAreSkipped) {
  const RecordingSink sink = read_ok(
      "# header\n"
      "\n"
      "   \t \n"
      "S: * OK\n"
      "#C: a1 NOT DATA\n"
      "C: a1 NOOP\n");
  EXPECT_EQ(sink.server, "* OK\r\n");
  EXPECT_EQ(sink.client, "a1 NOOP\r\n");
}

// Exactly one space after the colon belongs to the transcript format; any more are data.
TEST(TranscriptReader, OnlyOneSpaceAfterColonIsStripped) {
  const RecordingSink sink = read_ok("C:a1 NOOP\nC:  a2 NOOP\nS:   x\n");
  EXPECT_EQ(sink.client, "a1 NOOP\r\n a2 NOOP\r\n");
  EXPECT_EQ(sink.server, "  x\r\n");
}

TEST(TranscriptReader, CrlfFileGivesSameStreamsAsLfFile) {
  const std::string lf =
      "# comment\n"
      "S: * OK ready\n"
      "\n"
      "C: a1 LOGIN {11}\n"
      "S: + go\n"
      "C: FRED FOOBAR {7}\n"
      "C: fat man\n"
      "C:\n"
      "S: a1 OK done\n";
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const RecordingSink a = read_ok(lf);
  const RecordingSink b = read_ok(crlf);
  EXPECT_EQ(a.client, b.client);
  EXPECT_EQ(a.server, b.server);
  EXPECT_EQ(a.turns(), b.turns());
  EXPECT_EQ(a.client, "a1 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n\r\n");
}

// RFC 9051 §4.3: a literal is a count of octets, and in a transcript its CRLFs are the ones
// the C: lines add. Here the 11 octets "line1\r\nab\r\n" span two lines and the empty line
// after them ends the command.
TEST(TranscriptReader, LiteralSpanningLinesCountsExactly) {
  const RecordingSink sink = read_ok(
      "C: a1 APPEND INBOX {11}\n"
      "C: line1\n"
      "C: ab\n"
      "C:\n"
      "S: a1 OK done\n");
  EXPECT_EQ(sink.client, "a1 APPEND INBOX {11}\r\nline1\r\nab\r\n\r\n");
  const std::size_t literal_start = sink.client.find("line1");
  EXPECT_EQ(sink.client.substr(literal_start, 11), "line1\r\nab\r\n");
  EXPECT_EQ(sink.client.substr(literal_start + 11), "\r\n");
}

TEST(TranscriptReader, BadPrefixIsInputErrorWithLine) {
  TempFile file("S: * OK\n# fine\nC: a1 NOOP\nX: nonsense\nC: a2 NOOP\n");
  RecordingSink sink;
  const auto error = read_transcript(file.path(), 1, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path, file.path());
  EXPECT_EQ(error->line, 4u);
  EXPECT_NE(error->message.find("'C:'"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("'S:'"), std::string::npos) << error->message;
  EXPECT_EQ(error->to_string().find(file.path() + ":4: "), 0u);
  // The connection is still closed, and nothing after the bad line was read.
  EXPECT_EQ(sink.ends, 1);
  EXPECT_EQ(sink.client, "a1 NOOP\r\n");
}

// A line starting with a space is not a C:/S: line either.
TEST(TranscriptReader, IndentedPrefixIsInputError) {
  TempFile file(" C: a1 NOOP\n");
  RecordingSink sink;
  const auto error = read_transcript(file.path(), 1, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->line, 1u);
}

TEST(TranscriptReader, MissingFileIsInputError) {
  RecordingSink sink;
  const auto error = read_transcript("/nonexistent/imapscope/transcript.txt", 1, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path, "/nonexistent/imapscope/transcript.txt");
  EXPECT_EQ(error->line, 0u);
  EXPECT_FALSE(error->message.empty());
  EXPECT_EQ(sink.begins, 0);
}

// Longer than the reader's 64 KiB buffer, so the line arrives in several pieces.
TEST(TranscriptReader, VeryLongLineArrivesIntact) {
  std::string payload;
  for (std::size_t i = 0; i < 200 * 1024; ++i) {
    payload += static_cast<char>('a' + static_cast<char>(i % 26));
  }
  const std::string command = "a1 SEARCH TEXT " + payload;
  const RecordingSink sink = read_ok("S: * OK\nC: " + command + "\nS: a1 OK\n");
  EXPECT_EQ(sink.client, command + "\r\n");
  EXPECT_EQ(sink.server, "* OK\r\na1 OK\r\n");
  for (const auto& chunk : sink.chunks) {
    if (chunk.dir == Direction::kClientToServer) {
      EXPECT_EQ(chunk.origin.line, 2u);
    }
  }
}

// Same with a CRLF file, where the buffer may cut the line right between its CR and LF: the
// CR must not leak into the data, and a CR that is data must not be lost.
TEST(TranscriptReader, VeryLongCrlfLineArrivesIntact) {
  for (std::size_t extra = 0; extra < 4; ++extra) {
    // "C: " + text + "\r" fills the 64 KiB buffer exactly when extra == 0.
    const std::string text(64 * 1024 - 4 + extra, 'x');
    const RecordingSink sink = read_ok("C: " + text + "\r\nC: b\r\n");
    EXPECT_EQ(sink.client, text + "\r\nb\r\n") << extra;
  }
}

// A CR that is data, right at the end of a buffer-sized piece, stays in the stream.
TEST(TranscriptReader, DataCrAtPieceEndIsKept) {
  const std::string text = std::string(64 * 1024 - 4, 'x') + "\rY";
  const RecordingSink sink = read_ok("C: " + text + "\n");
  EXPECT_EQ(sink.client, text + "\r\n");
}

TEST(TranscriptReader, LongCommentLineIsSkipped) {
  const std::string comment = "#" + std::string(100 * 1024, 'C');
  const RecordingSink sink = read_ok(comment + "\nC: a1 NOOP\n");
  EXPECT_EQ(sink.client, "a1 NOOP\r\n");
}

TEST(TranscriptReader, LastLineWithoutNewlineStillCounts) {
  const RecordingSink sink = read_ok("S: * OK\nC: a1 NOOP");
  EXPECT_EQ(sink.client, "a1 NOOP\r\n");
}

TEST(TranscriptReader, NulBytesPassThrough) {
  const std::string content("C: a1 \0X\nS: *\0\n", 15);
  const RecordingSink sink = read_ok(content);
  EXPECT_EQ(sink.client, std::string("a1 \0X\r\n", 7));
  EXPECT_EQ(sink.server, std::string("*\0\r\n", 4));
}

TEST(TranscriptReader, EmptyFileIsAnEmptyConnection) {
  const RecordingSink sink = read_ok("");
  EXPECT_EQ(sink.begins, 1);
  EXPECT_EQ(sink.ends, 1);
  EXPECT_TRUE(sink.chunks.empty());
}

}  // namespace
}  // namespace imapscope::capture
