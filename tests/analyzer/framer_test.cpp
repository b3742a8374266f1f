#include "analyzer/framer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace imapscope::analyzer {
namespace {

// Everything a framer produced: its messages and, in order, every sink call.
class RecordingFramerSink final : public FramerSink {
 public:
  void on_literal_announced(const Message& m, const Literal& literal) override {
    events.push_back("announced " + describe(literal) + " after line " +
                     std::to_string(m.lines.size() - 1));
  }
  void on_literal_begin(const Message& m, const Literal& literal) override {
    events.push_back("begin " + describe(literal) + " after line " +
                     std::to_string(m.lines.size() - 1));
  }
  void on_message(Message& m) override {
    events.push_back("message @" + std::to_string(m.offset));
    messages.push_back(m);
    if (hook) hook(m);
  }

  static std::string describe(const Literal& l) {
    return std::to_string(static_cast<int>(l.kind)) + ":" + std::to_string(l.size) + "@" +
           std::to_string(l.stream_offset);
  }

  std::vector<Message> messages;
  std::vector<std::string> events;
  std::function<void(const Message&)> hook;  // runs after a message is recorded
};

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '\\') {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// A complete, comparable rendering of a message: text, lines, literals, offsets and flags.
std::string describe(const Message& m) {
  std::string s = std::string(capture::side_name(m.dir)) + " @" + std::to_string(m.offset) +
                  " origin=" + std::to_string(m.origin.line) +
                  (m.complete ? " complete" : " incomplete") + (m.exchange ? " exchange" : "") +
                  " text=\"" + escape(m.text) + "\"";
  for (const Line& l : m.lines) {
    s += " | line[" + std::to_string(l.begin) + "," + std::to_string(l.end) + ")@" +
         std::to_string(l.stream_offset) + (l.bare_lf ? " bare_lf" : "") +
         (l.truncated ? " truncated" : "");
  }
  for (const Literal& lit : m.literals) {
    s += " | literal " + RecordingFramerSink::describe(lit) + " \"" + escape(lit.retained) + "\"" +
         (lit.complete ? " complete" : " incomplete");
  }
  return s;
}

struct Framed {
  std::vector<std::string> messages;  // describe() of each
  std::vector<std::string> events;
  std::uint64_t offset = 0;
};

// Toggles exchange mode the way the session does: on after an IDLE command, off after DONE.
void idle_hook(Framer& framer, const Message& m) {
  if (!m.exchange && m.first_line().ends_with(" IDLE")) framer.set_exchange_mode(true);
  if (m.exchange && m.first_line() == "DONE") framer.set_exchange_mode(false);
}

Framed frame_chunks(Direction dir, const std::vector<std::string_view>& chunks,
                    FramerLimits limits = {}, bool with_idle_hook = false) {
  RecordingFramerSink sink;
  Framer framer(dir, sink, limits);
  if (with_idle_hook) sink.hook = [&](const Message& m) { idle_hook(framer, m); };
  for (std::string_view chunk : chunks)
    framer.feed(chunk, Origin{1, 0, std::nullopt});
  framer.finish();
  Framed out;
  for (const Message& m : sink.messages)
    out.messages.push_back(describe(m));
  out.events = sink.events;
  out.offset = framer.offset();
  return out;
}

// Frames `stream` in one piece and returns the raw messages.
std::vector<Message> frame(std::string_view stream, Direction dir = Direction::kClientToServer,
                           FramerLimits limits = {}) {
  RecordingFramerSink sink;
  Framer framer(dir, sink, limits);
  framer.feed(stream, Origin{1, 0, std::nullopt});
  framer.finish();
  return sink.messages;
}

std::vector<std::string> lines_of(const Message& m) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < m.lines.size(); ++i)
    out.emplace_back(m.line_text(i));
  return out;
}

TEST(Framer, PlainLine) {
  const auto messages = frame("a1 NOOP\r\n");
  ASSERT_EQ(messages.size(), 1u);
  const Message& m = messages[0];
  EXPECT_EQ(m.dir, Direction::kClientToServer);
  EXPECT_EQ(m.text, "a1 NOOP");
  ASSERT_EQ(m.lines.size(), 1u);
  EXPECT_EQ(m.lines[0].begin, 0u);
  EXPECT_EQ(m.lines[0].end, 7u);
  EXPECT_FALSE(m.lines[0].bare_lf);
  EXPECT_FALSE(m.lines[0].truncated);
  EXPECT_TRUE(m.literals.empty());
  EXPECT_TRUE(m.complete);
  EXPECT_FALSE(m.exchange);
  EXPECT_EQ(m.first_line(), "a1 NOOP");
}

// RFC 9051 §2.2: lines end in CRLF. A bare LF still ends the line, flagged so a rule can
// report it; a CR not followed by LF is data.
TEST(Framer, CrlfAndBareLf) {
  const auto messages = frame("a1 NOOP\r\na2 NOOP\na3 X\rY\r\n\n\r\n");
  ASSERT_EQ(messages.size(), 5u);
  EXPECT_EQ(messages[0].text, "a1 NOOP");
  EXPECT_FALSE(messages[0].lines[0].bare_lf);
  EXPECT_EQ(messages[1].text, "a2 NOOP");
  EXPECT_TRUE(messages[1].lines[0].bare_lf);
  EXPECT_EQ(messages[2].text, "a3 X\rY");
  EXPECT_FALSE(messages[2].lines[0].bare_lf);
  EXPECT_EQ(messages[3].text, "");
  EXPECT_TRUE(messages[3].lines[0].bare_lf);
  EXPECT_EQ(messages[4].text, "");
  EXPECT_FALSE(messages[4].lines[0].bare_lf);
}

TEST(Framer, BareLfWhenCrAndLfArriveApart) {
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink);
  framer.feed("a1 NOOP\r", {});
  framer.feed("\n", {});
  framer.feed("a2 NOOP", {});
  framer.feed("\n", {});
  ASSERT_EQ(sink.messages.size(), 2u);
  EXPECT_EQ(sink.messages[0].text, "a1 NOOP");
  EXPECT_FALSE(sink.messages[0].lines[0].bare_lf);
  EXPECT_EQ(sink.messages[1].text, "a2 NOOP");
  EXPECT_TRUE(sink.messages[1].lines[0].bare_lf);
}

// RFC 9051 §4.3 literal "{n}", RFC 7888 LITERAL+ "{n+}", RFC 3516 literal8 "~{n}".
TEST(Framer, LiteralKinds) {
  struct Case {
    std::string_view stream;
    LiteralKind kind;
    std::uint64_t offset;  // of the literal's first octet
  };
  const Case cases[] = {
      {"a1 LOGIN {3}\r\nabc x\r\n", LiteralKind::kSynchronizing, 14},
      {"a1 LOGIN {3+}\r\nabc x\r\n", LiteralKind::kNonSynchronizing, 15},
      {"a1 LOGIN ~{3}\r\nabc x\r\n", LiteralKind::kBinary, 15},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.stream);
    const auto messages = frame(c.stream);
    ASSERT_EQ(messages.size(), 1u);
    const Message& m = messages[0];
    ASSERT_EQ(m.literals.size(), 1u);
    EXPECT_EQ(m.literals[0].kind, c.kind);
    EXPECT_EQ(m.literals[0].size, 3u);
    EXPECT_EQ(m.literals[0].retained, "abc");
    EXPECT_TRUE(m.literals[0].complete);
    EXPECT_EQ(m.literals[0].stream_offset, c.offset);
    ASSERT_EQ(m.lines.size(), 2u);
    EXPECT_EQ(m.line_text(1), " x");
    EXPECT_EQ(m.lines[1].stream_offset, c.offset + 3);
    EXPECT_TRUE(m.complete);
  }
}

// The framer must never read literal octets as protocol text (RFC 9051 §4.3): a literal that
// holds a whole command line is data of the APPEND, not a LOGOUT.
TEST(Framer, LiteralContainingCommandIsNotACommand) {
  const auto messages = frame("a1 APPEND INBOX {13}\r\n\r\na1 LOGOUT\r\n)\r\na2 NOOP\r\n");
  ASSERT_EQ(messages.size(), 2u);
  ASSERT_EQ(messages[0].literals.size(), 1u);
  EXPECT_EQ(messages[0].literals[0].retained, "\r\na1 LOGOUT\r\n");
  EXPECT_EQ(lines_of(messages[0]), (std::vector<std::string>{"a1 APPEND INBOX {13}", ")"}));
  EXPECT_EQ(messages[1].text, "a2 NOOP");
}

TEST(Framer, ZeroLengthLiteral) {
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink);
  framer.feed("a1 APPEND INBOX {0}\r\n", {});
  // An empty literal "begins" with the next byte of the stream: that byte is what a client
  // may only send after the continuation request (RFC 9051 §4.3).
  EXPECT_EQ(sink.events, std::vector<std::string>{"announced 0:0@21 after line 0"});
  EXPECT_TRUE(framer.in_message());
  framer.feed("\r\n", {});
  EXPECT_EQ(sink.events[1], "begin 0:0@21 after line 0");
  ASSERT_EQ(sink.messages.size(), 1u);
  const Message& m = sink.messages[0];
  ASSERT_EQ(m.literals.size(), 1u);
  EXPECT_EQ(m.literals[0].size, 0u);
  EXPECT_TRUE(m.literals[0].complete);
  EXPECT_EQ(m.literals[0].retained, "");
  EXPECT_EQ(lines_of(m), (std::vector<std::string>{"a1 APPEND INBOX {0}", ""}));
  EXPECT_EQ(m.lines[1].stream_offset, 21u);
}

// RFC 9051 §7.6's example: two literals in one LOGIN command.
TEST(Framer, SeveralLiteralsInOneMessage) {
  const auto messages = frame("A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n");
  ASSERT_EQ(messages.size(), 1u);
  const Message& m = messages[0];
  EXPECT_EQ(lines_of(m), (std::vector<std::string>{"A001 LOGIN {11}", " {7}", ""}));
  ASSERT_EQ(m.literals.size(), 2u);
  EXPECT_EQ(m.literals[0].retained, "FRED FOOBAR");
  EXPECT_EQ(m.literals[0].stream_offset, 17u);
  EXPECT_EQ(m.literals[1].retained, "fat man");
  EXPECT_EQ(m.literals[1].stream_offset, 34u);
  EXPECT_EQ(m.lines[1].stream_offset, 28u);
  EXPECT_EQ(m.lines[2].stream_offset, 41u);
  EXPECT_EQ(m.text, "A001 LOGIN {11} {7}");
  EXPECT_TRUE(m.complete);
}

// The session needs to know a literal is pending (to expect "+") before its octets arrive.
TEST(Framer, AnnouncedFiresBeforeBegin) {
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink);
  framer.feed("a1 LOGIN {3}\r\n", {});
  EXPECT_EQ(sink.events, (std::vector<std::string>{"announced 0:3@14 after line 0"}));
  EXPECT_TRUE(framer.in_message());
  framer.feed("a", {});
  EXPECT_EQ(sink.events.size(), 2u);
  EXPECT_EQ(sink.events.back(), "begin 0:3@14 after line 0");
  framer.feed("bc", {});
  framer.feed(" x\r\n", {});
  const std::vector<std::string> expected = {"announced 0:3@14 after line 0",
                                             "begin 0:3@14 after line 0", "message @0"};
  EXPECT_EQ(sink.events, expected);
  EXPECT_FALSE(framer.in_message());
}

// RFC 9051 §7.6: a continuation request is "+" and text; its text is not a command line and
// never announces a literal, whatever it ends with.
TEST(Framer, ContinuationRequestEndingInBraceIsNotALiteral) {
  const auto messages = frame("+ send {5}\r\n* OK x\r\n", Direction::kServerToClient);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].text, "+ send {5}");
  EXPECT_TRUE(messages[0].literals.empty());
  EXPECT_EQ(messages[1].text, "* OK x");
}

// Only the server's continuation is exempt; "+" has no such meaning from a client.
TEST(Framer, ServerResponseEndingInBraceIsALiteral) {
  const auto messages = frame("* 1 FETCH (BODY[] {5}\r\n+ {1})\r\n", Direction::kServerToClient);
  ASSERT_EQ(messages.size(), 1u);
  ASSERT_EQ(messages[0].literals.size(), 1u);
  EXPECT_EQ(messages[0].literals[0].retained, "+ {1}");
}

// AUTHENTICATE answers and DONE (RFC 9051 §6.2.2, §6.3.13) are lines without literals.
TEST(Framer, ExchangeModeLinesHaveNoLiterals) {
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink);
  framer.set_exchange_mode(true);
  framer.feed("dGVzdA== {5}\r\nabc\r\n", {});
  ASSERT_EQ(sink.messages.size(), 2u);
  EXPECT_TRUE(sink.messages[0].exchange);
  EXPECT_TRUE(sink.messages[0].literals.empty());
  EXPECT_EQ(sink.messages[0].text, "dGVzdA== {5}");
  EXPECT_TRUE(sink.messages[1].exchange);
  framer.set_exchange_mode(false);
  framer.feed("a2 X {1}\r\nz\r\n", {});
  ASSERT_EQ(sink.messages.size(), 3u);
  EXPECT_FALSE(sink.messages[2].exchange);
  EXPECT_EQ(sink.messages[2].literals.size(), 1u);
}

TEST(Framer, RetentionLimitKeepsPrefixButConsumesWholeLiteral) {
  FramerLimits limits;
  limits.max_retained_literal = 4;
  const auto messages = frame("a1 APPEND INBOX {10}\r\n0123456789\r\na2 NOOP\r\n",
                              Direction::kClientToServer, limits);
  ASSERT_EQ(messages.size(), 2u);
  ASSERT_EQ(messages[0].literals.size(), 1u);
  EXPECT_EQ(messages[0].literals[0].retained, "0123");
  EXPECT_EQ(messages[0].literals[0].size, 10u);
  EXPECT_TRUE(messages[0].literals[0].complete);
  EXPECT_EQ(messages[1].text, "a2 NOOP");
  EXPECT_EQ(messages[1].offset, 34u);
}

// A 10 MB line without CRLF: the framer keeps at most max_line bytes of it.
TEST(Framer, OverlongLineKeepsAtMostMaxLine) {
  FramerLimits limits;
  limits.max_line = 1000;
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink, limits);
  const std::string chunk(64 * 1024, 'x');
  std::uint64_t fed = 0;
  while (fed < 10'000'000) {
    framer.feed(chunk, {});
    fed += chunk.size();
  }
  EXPECT_TRUE(sink.messages.empty());
  EXPECT_EQ(framer.offset(), fed);
  framer.finish();
  ASSERT_EQ(sink.messages.size(), 1u);
  const Message& m = sink.messages[0];
  EXPECT_LE(m.text.size(), 1000u);
  EXPECT_GE(m.text.size(), 990u);
  ASSERT_EQ(m.lines.size(), 1u);
  EXPECT_TRUE(m.lines[0].truncated);
  EXPECT_FALSE(m.complete);
  EXPECT_EQ(m.text, std::string(m.text.size(), 'x'));
}

TEST(Framer, AnnouncementAtEndOfOverlongLineIsStillALiteral) {
  FramerLimits limits;
  limits.max_line = 100;
  const std::string stream =
      "a1 APPEND INBOX " + std::string(5000, 'x') + " {3}\r\nabc\r\na2 NOOP\r\n";
  const auto messages = frame(stream, Direction::kClientToServer, limits);
  ASSERT_EQ(messages.size(), 2u);
  const Message& m = messages[0];
  ASSERT_EQ(m.literals.size(), 1u);
  EXPECT_EQ(m.literals[0].retained, "abc");
  EXPECT_TRUE(m.lines[0].truncated);
  EXPECT_LE(m.lines[0].end - m.lines[0].begin, 100u);
  EXPECT_FALSE(m.lines[1].truncated);
  EXPECT_EQ(messages[1].text, "a2 NOOP");
}

// The message text limit cuts what is kept, never what is framed: a line whose text no longer
// fits still announces its literal, and the literal's octets are not read as commands.
TEST(Framer, AnnouncementPastMessageTextLimitIsStillALiteral) {
  FramerLimits limits;
  limits.max_message_text = 10;
  const auto messages =
      frame("a1 APPEND INBOX {9}\r\na2 LOGOUT\r\na3 NOOP\r\n", Direction::kClientToServer, limits);
  ASSERT_EQ(messages.size(), 2u);
  ASSERT_EQ(messages[0].literals.size(), 1u);
  EXPECT_EQ(messages[0].literals[0].retained, "a2 LOGOUT");
  EXPECT_LE(messages[0].text.size(), 10u);
  EXPECT_TRUE(messages[0].lines[0].truncated);
  EXPECT_EQ(messages[1].text, "a3 NOOP");
}

// number64 does not hold 99999999999999999999 (RFC 9051 §9): not an announcement, so the
// line is a message of its own and the next line is not swallowed.
TEST(Framer, OverflowingAnnouncementIsNotALiteral) {
  const auto messages = frame("a1 APPEND INBOX {99999999999999999999}\r\na2 NOOP\r\n");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_TRUE(messages[0].literals.empty());
  EXPECT_TRUE(messages[0].complete);
  EXPECT_EQ(messages[1].text, "a2 NOOP");
}

TEST(Framer, HugeLiteralNeverDeliveredAllocatesNothingHuge) {
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink);
  framer.feed("a1 APPEND INBOX {4294967296}\r\nabc", {});
  EXPECT_TRUE(sink.messages.empty());
  framer.finish();
  ASSERT_EQ(sink.messages.size(), 1u);
  const Message& m = sink.messages[0];
  EXPECT_FALSE(m.complete);
  ASSERT_EQ(m.literals.size(), 1u);
  EXPECT_EQ(m.literals[0].size, 4294967296u);
  EXPECT_FALSE(m.literals[0].complete);
  EXPECT_EQ(m.literals[0].retained, "abc");
  EXPECT_LT(m.literals[0].retained.capacity(), 1u << 20);
  EXPECT_EQ(lines_of(m), (std::vector<std::string>{"a1 APPEND INBOX {4294967296}"}));
}

TEST(Framer, FinishDeliversPartialLineAsIncomplete) {
  const auto messages = frame("a1 NOOP\r\na2 FETCH 1 (FLAGS");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_TRUE(messages[0].complete);
  EXPECT_FALSE(messages[1].complete);
  EXPECT_EQ(messages[1].text, "a2 FETCH 1 (FLAGS");
  EXPECT_EQ(messages[1].offset, 9u);
}

TEST(Framer, FinishWithoutMessageDeliversNothing) {
  EXPECT_TRUE(frame("").empty());
  EXPECT_EQ(frame("a1 NOOP\r\n").size(), 1u);
  RecordingFramerSink sink;
  Framer framer(Direction::kServerToClient, sink);
  framer.finish();
  framer.finish();
  EXPECT_TRUE(sink.events.empty());
}

// A message that ended right after a literal still lacks the line that must follow it.
TEST(Framer, StreamEndingAfterLiteralIsIncomplete) {
  const auto messages = frame("a1 LOGIN {3}\r\nabc");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_FALSE(messages[0].complete);
  ASSERT_EQ(messages[0].literals.size(), 1u);
  EXPECT_TRUE(messages[0].literals[0].complete);
}

TEST(Framer, OffsetsAreExact) {
  const auto messages = frame("a1 NOOP\r\na2 LOGIN {3}\r\nabc xyz\n\r\na3 X ~{2}\r\n\r\n\r\n");
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0].offset, 0u);
  EXPECT_EQ(messages[1].offset, 9u);
  EXPECT_EQ(messages[1].lines[0].stream_offset, 9u);
  EXPECT_EQ(messages[1].literals[0].stream_offset, 23u);
  EXPECT_EQ(messages[1].lines[1].stream_offset, 26u);
  EXPECT_TRUE(messages[1].lines[1].bare_lf);
  EXPECT_EQ(messages[2].offset, 31u);
  EXPECT_EQ(messages[2].text, "");
  EXPECT_EQ(messages[3].offset, 33u);
  EXPECT_EQ(messages[3].literals[0].stream_offset, 44u);
  EXPECT_EQ(messages[3].literals[0].retained, "\r\n");
  EXPECT_EQ(messages[3].lines[1].stream_offset, 46u);
}

TEST(Framer, OriginIsThatOfTheFirstByte) {
  RecordingFramerSink sink;
  Framer framer(Direction::kClientToServer, sink);
  framer.feed("a1 NO", Origin{5, 0, std::nullopt});
  framer.feed("OP\r\na2", Origin{6, 0, 1234});
  framer.feed(" NOOP\r\n", Origin{7, 0, std::nullopt});
  ASSERT_EQ(sink.messages.size(), 2u);
  EXPECT_EQ(sink.messages[0].origin.line, 5u);
  EXPECT_EQ(sink.messages[1].origin.line, 6u);
  EXPECT_EQ(sink.messages[1].origin.time, 1234);
  EXPECT_EQ(framer.offset(), 18u);
}

// --- Split invariance -------------------------------------------------------------------
// TCP and the input readers cut the stream anywhere. However the bytes are cut, the framer
// must produce the same messages and the same sink calls.

struct SplitCase {
  const char* name;
  Direction dir;
  std::string stream;
  FramerLimits limits;
  bool idle_hook = false;
};

std::vector<SplitCase> split_cases() {
  using namespace std::string_literals;
  FramerLimits small;
  small.max_line = 12;
  small.max_message_text = 30;
  small.max_retained_literal = 3;
  FramerLimits normal;
  std::vector<SplitCase> cases;
  const std::string client =
      "a1 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n"
      "a2 APPEND INBOX (\\Seen) {12+}\r\nhello\r\nworld\r\n"
      "a3 APPEND INBOX ~{5}\r\n\0\x01\r\n\xff\r\n"s
      "\r\n"
      "a4 NOOP\n"
      "a5 X {0}\r\n\n"
      "a6 X {3}\r\n{2}\r\n"
      "a7 X {5}\r\na\r\n\r\r\n"
      "a8 X {99999999999999999999}\r\n"
      "a9 APPEND INBOX {13}\r\n\r\na1 LOGOUT\r\n\r\n"
      "\n\n\r\n"
      "b1 FETCH 1 (BODY[HEADER.FIELDS (A B)]<0.10>\r\n"
      "b2 X {4}\r\n";
  cases.push_back({"client", Direction::kClientToServer, client + "ab", normal});
  cases.push_back({"client_small_limits", Direction::kClientToServer, client + "ab", small});
  FramerLimits tiny_text;
  tiny_text.max_message_text = 8;
  cases.push_back({"client_tiny_text", Direction::kClientToServer, client + "ab", tiny_text});
  cases.push_back(
      {"client_ending_in_line", Direction::kClientToServer, client + "abcd\r\n", small});
  const std::string server =
      "* OK [CAPABILITY IMAP4rev2] ready\r\n"
      "+ send {5}\r\n"
      "+\r\n"
      "* 1 FETCH (BODY[] {5}\r\nhello)\r\n"
      "* 2 FETCH (BODY[] {3}\r\n}\r\n BINARY[] ~{4}\r\n\r\n\r\n)\n"
      "a1 OK done\r\n"
      "* 3 FETCH (BODY[] {5}\r\n+ {\r\n)\r\n"
      "* BYE";
  cases.push_back({"server", Direction::kServerToClient, server, normal});
  cases.push_back({"server_small_limits", Direction::kServerToClient, server, small});
  // Over-long lines whose announcement straddles the line limit and the message text limit.
  const std::string longish =
      "c1 APPEND INBOX {3}\r\nabc\r\n"
      "c2 APPEND Drafts (\\Draft) {100}\r\n" +
      std::string(100, 'm') +
      " {2+}\r\nzz\r\n"
      "c3 0123456789ABCDEF ~{1}\r\n!\r\n"
      "c4 0123456789{1}\r\n#\r\n";
  cases.push_back({"long_lines_small_limits", Direction::kClientToServer, longish, small});
  cases.push_back({"long_lines", Direction::kClientToServer, longish, normal});
  const std::string idle =
      "i1 IDLE\r\n"
      "xyz {5}\r\n"
      "DONE\r\n"
      "i2 NOOP {1}\r\nx\r\n"
      "i3 IDLE\r\nDONE\n"
      "i4 X\r\n";
  cases.push_back({"idle_exchange", Direction::kClientToServer, idle, normal, true});
  return cases;
}

TEST(FramerSplit, EveryCutPointGivesTheSameMessages) {
  for (const SplitCase& c : split_cases()) {
    SCOPED_TRACE(c.name);
    const std::string& s = c.stream;
    const Framed whole = frame_chunks(c.dir, {s}, c.limits, c.idle_hook);
    ASSERT_FALSE(whole.messages.empty());
    EXPECT_EQ(whole.offset, s.size());
    const std::string_view view(s);
    for (std::size_t cut = 0; cut <= s.size(); ++cut) {
      const Framed split =
          frame_chunks(c.dir, {view.substr(0, cut), view.substr(cut)}, c.limits, c.idle_hook);
      ASSERT_EQ(split.messages, whole.messages) << "cut at " << cut;
      ASSERT_EQ(split.events, whole.events) << "cut at " << cut;
      ASSERT_EQ(split.offset, whole.offset);
    }
  }
}

TEST(FramerSplit, OneByteAtATimeGivesTheSameMessages) {
  for (const SplitCase& c : split_cases()) {
    SCOPED_TRACE(c.name);
    const std::string& s = c.stream;
    const Framed whole = frame_chunks(c.dir, {s}, c.limits, c.idle_hook);
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < s.size(); ++i)
      bytes.push_back(std::string_view(s).substr(i, 1));
    const Framed split = frame_chunks(c.dir, bytes, c.limits, c.idle_hook);
    EXPECT_EQ(split.messages, whole.messages);
    EXPECT_EQ(split.events, whole.events);
  }
}

// Every pair of cut points on one stream that exercises all literal kinds and line endings.
TEST(FramerSplit, EveryPairOfCutPointsGivesTheSameMessages) {
  using namespace std::string_literals;
  const std::string s =
      "a1 X {2}\r\n\r\n {0+}\r\n\n"
      "a2 Y ~{3}\r\n\0\r\r\r\n"
      "\r\n"s;
  FramerLimits small;
  small.max_line = 6;
  small.max_retained_literal = 1;
  for (const FramerLimits& limits : {FramerLimits{}, small}) {
    const Framed whole = frame_chunks(Direction::kClientToServer, {s}, limits);
    ASSERT_EQ(whole.messages.size(), 3u);
    const std::string_view v(s);
    for (std::size_t a = 0; a <= s.size(); ++a) {
      for (std::size_t b = a; b <= s.size(); ++b) {
        const Framed split = frame_chunks(
            Direction::kClientToServer, {v.substr(0, a), v.substr(a, b - a), v.substr(b)}, limits);
        ASSERT_EQ(split.messages, whole.messages) << a << "," << b;
        ASSERT_EQ(split.events, whole.events) << a << "," << b;
      }
    }
  }
}

// --- parse_literal_announcement ----------------------------------------------------------

TEST(LiteralAnnouncement, RecognizedForms) {
  LiteralKind kind{};
  std::uint64_t size = 0;
  std::size_t begin = 99;
  ASSERT_TRUE(parse_literal_announcement("{5}", kind, size, begin));
  EXPECT_EQ(kind, LiteralKind::kSynchronizing);
  EXPECT_EQ(size, 5u);
  EXPECT_EQ(begin, 0u);

  ASSERT_TRUE(parse_literal_announcement("a1 LOGIN {42+}", kind, size, begin));
  EXPECT_EQ(kind, LiteralKind::kNonSynchronizing);
  EXPECT_EQ(size, 42u);
  EXPECT_EQ(begin, 9u);

  ASSERT_TRUE(parse_literal_announcement("x ~{7}", kind, size, begin));
  EXPECT_EQ(kind, LiteralKind::kBinary);
  EXPECT_EQ(size, 7u);
  EXPECT_EQ(begin, 2u);

  // RFC 7888 §3 allows "+" in literal8 too.
  ASSERT_TRUE(parse_literal_announcement("~{7+}", kind, size, begin));
  EXPECT_EQ(kind, LiteralKind::kBinary);
  EXPECT_EQ(begin, 0u);

  ASSERT_TRUE(parse_literal_announcement("{0}", kind, size, begin));
  EXPECT_EQ(size, 0u);
  ASSERT_TRUE(parse_literal_announcement("{007}", kind, size, begin));
  EXPECT_EQ(size, 7u);
  ASSERT_TRUE(parse_literal_announcement("{18446744073709551615}", kind, size, begin));
  EXPECT_EQ(size, UINT64_MAX);
  ASSERT_TRUE(parse_literal_announcement("BODY[]<0>{3}", kind, size, begin));
  EXPECT_EQ(begin, 9u);
}

TEST(LiteralAnnouncement, RejectedForms) {
  for (std::string_view line :
       {"", "}", "{}", "{+}", "5}", "{5", "{ 5}", "{5 }", "{-1}", "{5}}", "{5}\r", "{5} ", "{5++}",
        "{0x10}", "a1 NOOP", "{18446744073709551616}", "{99999999999999999999}", "{5+ }"}) {
    LiteralKind kind = LiteralKind::kBinary;
    std::uint64_t size = 123;
    std::size_t begin = 456;
    EXPECT_FALSE(parse_literal_announcement(line, kind, size, begin)) << line;
    EXPECT_EQ(size, 123u) << line;
    EXPECT_EQ(begin, 456u) << line;
  }
}

}  // namespace
}  // namespace imapscope::analyzer
