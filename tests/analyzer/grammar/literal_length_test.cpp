// The literal-length deviation (analyzer/grammar/literal_length.cpp): a literal's count that
// does not match its octets is named where it shows (RFC 9051 §4.3, §2.2), and near misses that
// are other errors after a literal keep their own error.
#include <gtest/gtest.h>

#include <string>

#include "tests/analyzer/grammar/grammar_test_support.h"

namespace imapscope::testing {
namespace {

namespace dev = analyzer::grammar::deviation;
using analyzer::Direction;

// The first message framed from `bytes` (which may hold more), validated on its side.
analyzer::grammar::Result first(std::string_view bytes, Direction dir) {
  const std::vector<analyzer::Message> messages = frame_all(bytes, dir);
  EXPECT_FALSE(messages.empty());
  if (messages.empty()) return {};
  return dir == Direction::kClientToServer ? analyzer::grammar::validate_command(messages[0])
                                           : analyzer::grammar::validate_response(messages[0]);
}

analyzer::grammar::Result server(std::string_view bytes) {
  return first(bytes, Direction::kServerToClient);
}
analyzer::grammar::Result client(std::string_view bytes) {
  return first(bytes, Direction::kClientToServer);
}

void expect_literal_length(const analyzer::grammar::Result& r, std::size_t line,
                           const std::string& found) {
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.error.deviation, dev::kLiteralLength) << r.error.expected;
  EXPECT_EQ(r.error.line, line);
  EXPECT_EQ(r.error.column, 0u);
  EXPECT_EQ(r.error.rule, "literal");
  EXPECT_NE(r.error.expected.find(found), std::string::npos) << r.error.expected;
}

TEST(GrammarLiteralLength, CountedShortLeavesOctetsBeforeTheParen) {
  // 4 octets sent, 3 counted: "d" is where SP or ')' must be.
  expect_literal_length(server("* 1 FETCH (BODY[] {3}\r\nabcd)\r\n"), 1, "not 'd'");
  expect_literal_length(server("* 1 FETCH (BODY[] {3}\r\nabcd)\r\n"), 1, "literal {3}");
}

TEST(GrammarLiteralLength, CountedShortByOneSplitsTheLastCrlf) {
  // "ab" CRLF counted as 3: the literal ends on the CR, the LF ends an empty line.
  expect_literal_length(server("* 1 FETCH (BODY[] {3}\r\nab\r\n)\r\n"), 1, "the LF of a CRLF");
}

TEST(GrammarLiteralLength, CountedLongSwallowsTheEndAndTheNextResponse) {
  // ")" CRLF "* " swallowed: the line after the literal is "2 FETCH ...".
  expect_literal_length(server("* 1 FETCH (BODY[] {9}\r\nabcd)\r\n* 2 FETCH (FLAGS ())\r\n"), 1,
                        "not '2'");
  // ")" CRLF "*" swallowed: the line after it starts with SP, as more items would.
  expect_literal_length(server("* 1 FETCH (BODY[] {8}\r\nabcd)\r\n* 2 FETCH (FLAGS ())\r\n"), 1,
                        "the middle of another message");
  // A client's APPEND swallowing CRLF and the next command's tag.
  expect_literal_length(client("a1 APPEND INBOX {7+}\r\nabcd\r\na2 NOOP\r\n"), 1, "not '2'");
  expect_literal_length(client("a1 APPEND INBOX {8+}\r\nabcd\r\na2 NOOP\r\n"), 1,
                        "the middle of another message");
}

TEST(GrammarLiteralLength, CorrectLiteralsAreValid) {
  for (const char* bytes : {
           "* 1 FETCH (BODY[] {4}\r\nabcd)\r\n",
           "* 1 FETCH (BODY[] {4}\r\nabcd FLAGS (\\Seen))\r\n",
           "* 1 FETCH (BODY[] {0}\r\n)\r\n",
           "* 1 FETCH (BODY[] {6}\r\nab\r\ncd)\r\n",
           "* LIST () \"/\" {3}\r\nfoo\r\n",
       }) {
    const auto r = server(bytes);
    EXPECT_TRUE(r.valid) << bytes << ": " << r.error.expected;
  }
  EXPECT_TRUE(client("a1 APPEND INBOX {4+}\r\nabcd\r\n").valid);
  EXPECT_TRUE(client("a1 LOGIN {5}\r\nalice secret\r\n").valid);
}

// Near misses: an error after a literal that is not its count keeps its own description.
TEST(GrammarLiteralLength, OtherErrorsAfterALiteralAreNotIt) {
  struct Case {
    const char* bytes;
    bool client;
    const char* expected;
  };
  for (const Case& c : {
           // A bad item after SP: the literal ended where it should.
           Case{"* 1 FETCH (BODY[] {4}\r\nabcd FLAGZ)\r\n", false, "msg-att"},
           // The literal's octets hold CRLF and more, but nothing that begins a message.
           Case{"* 1 FETCH (BODY[] {8}\r\nab\r\nxyzw FLAGZ)\r\n", false, "msg-att"},
           // ')' missing after the literal: nothing shows the count was wrong.
           Case{"* 1 FETCH (BODY[] {4}\r\nabcd\r\n", false, "')'"},
           // A command with its second argument missing after a literal.
           Case{"a1 LOGIN {5}\r\nalice\r\n", true, "SP"},
       }) {
    const auto r = c.client ? client(c.bytes) : server(c.bytes);
    EXPECT_FALSE(r.valid) << c.bytes;
    EXPECT_TRUE(r.error.deviation.empty()) << c.bytes << ": " << r.error.expected;
    EXPECT_NE(r.error.expected.find(c.expected), std::string::npos)
        << c.bytes << ": " << r.error.expected;
  }
}

}  // namespace
}  // namespace imapscope::testing
