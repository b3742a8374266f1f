#include <string>

#include "tests/support/rule_test.h"

namespace {
// The transcript with each two-character "\0" replaced by a NUL octet.
std::string nul(std::string s) {
  for (std::size_t at = s.find("\\0"); at != std::string::npos; at = s.find("\\0", at + 1)) {
    s.replace(at, 2, 1, '\0');
  }
  return s;
}
}  // namespace

RULE_FIRES(TextClientNul, "text.client-nul", NulInQuotedString, nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 CREATE "Work\0Archive"
S: a1 BAD NUL in mailbox name
)"),
           3)

// A command that does not parse because of the NUL is still reported.
RULE_FIRES(TextClientNul, "text.client-nul", NulAfterCommandName, nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK NOOP completed
C: a2 NOOP\0
S: a2 BAD syntax error
)"),
           5)

// The report points at the NUL but never shows an AUTHENTICATE answer.
TEST(TextClientNul, AuthenticateAnswerStaysHidden) {
  const auto a = imapscope::testing::analyze_transcript(nul(R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: \0alice\0secret
S: a1 BAD invalid base64
)"));
  const auto v = imapscope::testing::violations_of(a, "text.client-nul");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].line, 5u);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kError);
  EXPECT_EQ(v[0].message.find("secret"), std::string::npos) << v[0].message;
  EXPECT_EQ(v[0].excerpt.find("secret"), std::string::npos) << v[0].excerpt;
  EXPECT_FALSE(v[0].column.has_value());
}

RULE_SILENT(TextClientNul, "text.client-nul", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §9 note 3: NUL is allowed in the OCTET production, i.e. inside a literal8.
RULE_SILENT(TextClientNul, "text.client-nul", NulInsideLiteral8, nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 BINARY LITERAL+] ready
C: a1 APPEND INBOX ~{5+}
C: a\0c
C:
S: a1 OK APPEND completed
)"))
