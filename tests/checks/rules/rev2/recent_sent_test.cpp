#include "tests/support/rule_test.h"

// RFC 9051 §9: obsolete-recent-response "can only be returned by servers that support both
// IMAPrev1 and IMAPrev2".
RULE_FIRES(Rev2RecentSent, "rev2.recent-sent", RecentFromRev2OnlyServer, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 1 RECENT
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] SELECT completed
)",
           5)

RULE_FIRES(Rev2RecentSent, "rev2.recent-sent", RecentFlagInFetch, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a0 ENABLE IMAP4rev2
S: * ENABLED IMAP4rev2
S: a0 OK ENABLE completed
C: a1 SELECT INBOX
S: * 2 EXISTS
S: a1 OK [READ-WRITE] SELECT completed
C: a2 FETCH 1:2 FLAGS
S: * 1 FETCH (FLAGS (\Seen))
S: * 2 FETCH (FLAGS (\Recent \Flagged))
S: a2 OK FETCH completed
)",
           11)

TEST(Rev2RecentSent, RecentResponseIsAWarningRecentFlagInfo) {
  const auto v = imapscope::testing::violations_of(imapscope::testing::analyze_transcript(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 1 RECENT
S: a1 OK [READ-WRITE] SELECT completed
C: a2 FETCH 2 FLAGS
S: * 2 FETCH (FLAGS (\recent))
S: a2 OK FETCH completed
)"),
                                                   "rev2.recent-sent");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].line, 5u);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kWarning);
  EXPECT_EQ(v[1].line, 8u);
  EXPECT_EQ(v[1].severity, imapscope::checks::Severity::kInfo);
}

RULE_SILENT(Rev2RecentSent, "rev2.recent-sent", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 Appendix A and §6.3.2: a server offering both versions may go on sending RECENT
// after ENABLE IMAP4rev2.
RULE_SILENT(Rev2RecentSent, "rev2.recent-sent", RecentFromDualServerAfterEnable, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a0 ENABLE IMAP4rev2
S: * ENABLED IMAP4rev2
S: a0 OK ENABLE completed
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 0 RECENT
S: a1 OK [READ-WRITE] SELECT completed
)")

// Without ENABLE IMAP4rev2 the session is IMAP4rev1, where both are current.
RULE_SILENT(Rev2RecentSent, "rev2.recent-sent", Imap4rev1Session, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 1 RECENT
S: a1 OK [READ-WRITE] SELECT completed
C: a2 FETCH 2 FLAGS
S: * 2 FETCH (FLAGS (\Recent))
S: a2 OK FETCH completed
)")
