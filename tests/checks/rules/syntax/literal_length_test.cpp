// syntax.literal-length: a literal whose octet count does not match its octets (RFC 9051 §4.3,
// §2.2). Counted short (LF line endings counted, CRLF sent), the rest of the body becomes the
// line after the literal; counted long, the literal swallows ")" CRLF and the start of the
// next response. Either way the session goes on being analysed after it.
#include "tests/support/rule_test.h"

namespace imapscope::testing {
namespace {

// The body "Subject: x" CRLF CRLF "hi" CRLF is 18 octets; counting LF line endings gives 15,
// so the literal ends after "h", and "i" CRLF, then ")" CRLF, follow as lines of their own.
constexpr const char* kTooShort = R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 BODY[]
S: * 1 FETCH (BODY[] {15}
S: Subject: x
S: 
S: hi
S: )
S: a2 OK done
C: a3 NOOP
S: *  1 EXISTS
S: a3 OK done
)";

// {24}: the 18 octets, then ")" CRLF and "* 2" of the next response.
constexpr const char* kTooLong = R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:2 BODY[]
S: * 1 FETCH (BODY[] {24}
S: Subject: x
S: 
S: hi
S: )
S: * 2 FETCH (BODY[] {4}
S: ab
S: )
S: a2 OK done
C: a3 NOOP
S: *  2 EXISTS
S: a3 OK done
)";

RULE_FIRES(SyntaxLiteralLength, "syntax.literal-length", CountedShort, kTooShort, 7)
RULE_FIRES(SyntaxLiteralLength, "syntax.literal-length", CountedLong, kTooLong, 7)

// A literal followed by ')' (end of the FETCH), by SP (more items), and a client literal at
// the end of its command.
RULE_SILENT(SyntaxLiteralLength, "syntax.literal-length", CorrectLiterals, R"(
S: * OK [CAPABILITY IMAP4rev2 LITERAL+] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:2 (BODY[] FLAGS)
S: * 1 FETCH (BODY[] {18}
S: Subject: x
S: 
S: hi
S:  FLAGS (\Seen))
S: * 2 FETCH (FLAGS () BODY[] {4}
S: ab
S: )
S: a2 OK done
C: a3 APPEND INBOX {4+}
C: ab
C: 
S: a3 OK done
)")
RULE_SILENT(SyntaxLiteralLength, "syntax.literal-length", CorrectSession, kCorrectRev2Session)

TEST(SyntaxLiteralLength, CountedShortTheRestIsNamedAndTheSessionGoesOn) {
  const checks::Analysis a = analyze_transcript(kTooShort);
  const auto found = violations_of(a, "syntax.literal-length");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].line, 7u);
  EXPECT_NE(found[0].message.find("not 'i'"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("literal {15}"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("line 2 of the response"), std::string::npos) << found[0].message;
  // ")" is the rest of the literal's octets, not a garbled response of its own.
  EXPECT_EQ(found[1].line, 11u);
  EXPECT_NE(found[1].message.find("rest of the octets"), std::string::npos) << found[1].message;
  EXPECT_TRUE(violations_of(a, "syntax.response").empty());
  // The tagged OK after it still completes a2, and a later deviation is still found.
  EXPECT_TRUE(violations_of(a, "tag.unknown").empty());
  EXPECT_TRUE(violations_of(a, "command.never-completed").empty());
  const auto later = violations_of(a, "syntax.double-space");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].line, 14u);
}

TEST(SyntaxLiteralLength, CountedLongSwallowsTheNextResponsesStart) {
  const checks::Analysis a = analyze_transcript(kTooLong);
  const auto found = violations_of(a, "syntax.literal-length");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 7u);
  EXPECT_NE(found[0].message.find("literal {24}"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("the middle of another message"), std::string::npos)
      << found[0].message;
  EXPECT_TRUE(violations_of(a, "syntax.response").empty());
  const auto later = violations_of(a, "syntax.double-space");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].line, 17u);
}

// A client's wrong count is a named deviation of its command (reported by syntax.command, as
// a client's other deviations are); the server's rule stays silent on it.
TEST(SyntaxLiteralLength, ClientCountedShortIsItsCommandsDeviation) {
  const checks::Analysis a = analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev2 LITERAL+] ready
C: a1 APPEND INBOX (\Seen) {15+}
C: Subject: x
C: 
C: hi
C: 
S: a1 BAD what
C: a2 NOOP
S: a2 OK done
)");
  EXPECT_TRUE(violations_of(a, "syntax.literal-length").empty());
  const auto cmd = violations_of(a, "syntax.command");
  ASSERT_FALSE(cmd.empty());
  EXPECT_EQ(cmd[0].line, 3u);
  EXPECT_NE(cmd[0].message.find("literal-length: "), std::string::npos) << cmd[0].message;
}

}  // namespace
}  // namespace imapscope::testing
