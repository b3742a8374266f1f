#include "tests/support/rule_test.h"

// Two {n+} in one command are reported once, at the command.
RULE_FIRES(LiteralNonsyncNotAdvertised, "literal.nonsync-not-advertised", Rev1WithoutLiteralPlus,
           R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: A001 LOGIN {11+}
C: FRED FOOBAR {7+}
C: fat man
S: A001 OK LOGIN completed
)",
           3)

// The capabilities advertised after login are what counts for later commands.
RULE_FIRES(LiteralNonsyncNotAdvertised, "literal.nonsync-not-advertised", DroppedAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev1 LITERAL+] ready
C: a1 LOGIN alice secret
S: a1 OK [CAPABILITY IMAP4rev1 IDLE] logged in
C: a2 CREATE {4+}
C: Work
S: a2 OK created
)",
           5)

TEST(LiteralNonsyncNotAdvertised, ReportedOncePerCommand) {
  const auto a = imapscope::testing::analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev1] ready
C: A001 LOGIN {11+}
C: FRED FOOBAR {7+}
C: fat man
S: A001 OK LOGIN completed
)");
  const auto v = imapscope::testing::violations_of(a, "literal.nonsync-not-advertised");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kError);
  EXPECT_EQ(v[0].side, imapscope::checks::Side::kClient);
}

RULE_SILENT(LiteralNonsyncNotAdvertised, "literal.nonsync-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(LiteralNonsyncNotAdvertised, "literal.nonsync-not-advertised", LiteralMinus, R"(
S: * OK [CAPABILITY IMAP4rev1 LITERAL-] ready
C: A001 LOGIN {11+}
C: FRED FOOBAR {7+}
C: fat man
S: A001 OK LOGIN completed
)")

// RFC 9051 §4.3: IMAP4rev2 has non-synchronizing literals built in (LITERAL- semantics).
RULE_SILENT(LiteralNonsyncNotAdvertised, "literal.nonsync-not-advertised", Imap4rev2, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: A001 LOGIN {11+}
C: FRED FOOBAR {7+}
C: fat man
S: A001 OK LOGIN completed
)")

// Synchronizing literals need no capability.
RULE_SILENT(LiteralNonsyncNotAdvertised, "literal.nonsync-not-advertised", Synchronizing, R"(
S: * OK [CAPABILITY IMAP4rev1] ready
C: A001 LOGIN {11}
S: + Ready for additional command text
C: FRED FOOBAR {7}
S: + Ready for additional command text
C: fat man
S: A001 OK LOGIN completed
)")
