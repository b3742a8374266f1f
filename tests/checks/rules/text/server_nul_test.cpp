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

RULE_FIRES(TextServerNul, "text.server-nul", NulInResponseText, nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK NOOP\0 completed
)"),
           4)

RULE_FIRES(TextServerNul, "text.server-nul", NulInEnvelopeString, nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 FLAGS
S: * 1 FETCH (FLAGS (\Seen) UID 4 BODY[HEADER.FIELDS (X-NOTE)] "a\0b")
S: a2 OK FETCH completed
)"),
           7)

TEST(TextServerNul, GivesTheColumn) {
  const auto v = imapscope::testing::violations_of(imapscope::testing::analyze_transcript(nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK NOOP\0 completed
)")),
                                                   "text.server-nul");
  ASSERT_EQ(v.size(), 1u);
  ASSERT_TRUE(v[0].column.has_value());
  EXPECT_EQ(*v[0].column, 10u);
  EXPECT_EQ(v[0].side, imapscope::checks::Side::kServer);
}

RULE_SILENT(TextServerNul, "text.server-nul", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §4.3.1: a FETCH BINARY answer may carry NULs in its literal8.
RULE_SILENT(TextServerNul, "text.server-nul", NulInsideLiteral8, nul(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 BINARY[1]
S: * 1 FETCH (BINARY[1] ~{5}
S: a\0c
S: )
S: a2 OK FETCH completed
)"))
