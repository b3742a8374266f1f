#include "tests/support/rule_test.h"

// UTF-8 "Entwürfe" in a quoted string: IMAP4rev1 quoted strings are 7-bit (RFC 3501 §9).
RULE_FIRES(TextClient8bitQuoted, "text.client-8bit-quoted", Utf8UnderImap4rev1, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT "Entwürfe"
S: a1 NO no such mailbox
)",
           3)

// A server offering both versions is IMAP4rev1 until the client enables IMAP4rev2.
RULE_FIRES(TextClient8bitQuoted, "text.client-8bit-quoted", DualServerNotEnabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a1 LIST "" "Entwürfe"
S: a1 OK LIST completed
)",
           3)

// Under IMAP4rev2 only well-formed UTF-8 is allowed: Latin-1 "Entw\xFCrfe" is not.
RULE_FIRES(TextClient8bitQuoted, "text.client-8bit-quoted", Latin1UnderImap4rev2,
           "\nS: * PREAUTH [CAPABILITY IMAP4rev2] ready\n"
           "C: a1 CREATE \"Entw\xfc"
           "rfe\"\n"
           "S: a1 NO invalid mailbox name\n",
           3)

TEST(TextClient8bitQuoted, DoesNotShowTheString) {
  const auto v = imapscope::testing::violations_of(imapscope::testing::analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev1] ready
C: a1 LOGIN alice "pässwort"
S: a1 NO bad password
)"),
                                                   "text.client-8bit-quoted");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].message.find("ssw"), std::string::npos) << v[0].message;
  EXPECT_EQ(v[0].excerpt.find("ssw"), std::string::npos) << v[0].excerpt;
  EXPECT_NE(v[0].message.find("column 16"), std::string::npos) << v[0].message;
}

RULE_SILENT(TextClient8bitQuoted, "text.client-8bit-quoted", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §4.3.1: IMAP4rev2 servers MUST accept UTF-8 in quoted strings.
RULE_SILENT(TextClient8bitQuoted, "text.client-8bit-quoted", Utf8UnderImap4rev2, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT "Entwürfe"
S: a1 NO no such mailbox
)")

RULE_SILENT(TextClient8bitQuoted, "text.client-8bit-quoted", Utf8AfterEnableImap4rev2, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a0 ENABLE IMAP4rev2
S: * ENABLED IMAP4rev2
S: a0 OK ENABLE completed
C: a1 LIST "" "Entwürfe"
S: a1 OK LIST completed
)")

// RFC 6855 §3: "If the server supports "UTF8=ACCEPT", the client MAY use extended quoted
// syntax".
RULE_SILENT(TextClient8bitQuoted, "text.client-8bit-quoted", Utf8AcceptAdvertised, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] ready
C: a1 SELECT "Entwürfe"
S: a1 NO no such mailbox
)")

// The IMAP4rev1 way: 8-bit text in a literal.
RULE_SILENT(TextClient8bitQuoted, "text.client-8bit-quoted", Utf8InLiteral, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT {9}
S: + ready
C: Entwürfe
S: a1 NO no such mailbox
)")
