#include "tests/support/rule_test.h"

RULE_FIRES(ResponseMailboxDataOutsideSelected, "response.mailbox-data-outside-selected",
           ExistsInAuthenticatedState, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: * 3 EXISTS
S: a1 OK NOOP completed
)",
           4)

// After CLOSE no mailbox is selected: a flag update has no mailbox to belong to.
RULE_FIRES(ResponseMailboxDataOutsideSelected, "response.mailbox-data-outside-selected",
           FetchAfterClose, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] SELECT completed
C: a2 CLOSE
S: a2 OK CLOSE completed
C: a3 NOOP
S: * 2 FETCH (UID 9 FLAGS (\Seen))
S: a3 OK NOOP completed
)",
           9)

RULE_FIRES(ResponseMailboxDataOutsideSelected, "response.mailbox-data-outside-selected",
           ExpungeBeforeLogin, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 CAPABILITY
S: * 1 EXPUNGE
S: * CAPABILITY IMAP4rev2 AUTH=PLAIN
S: a1 OK CAPABILITY completed
)",
           4)

TEST(ResponseMailboxDataOutsideSelected, IsAWarning) {
  const auto v = imapscope::testing::violations_of(imapscope::testing::analyze_transcript(R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 NOOP
S: * 0 RECENT
S: a1 OK NOOP completed
)"),
                                                   "response.mailbox-data-outside-selected");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kWarning);
  EXPECT_EQ(v[0].side, imapscope::checks::Side::kServer);
}

// A log that starts after the login only guesses the state: not judged.
TEST(ResponseMailboxDataOutsideSelected, SilentWhenStartedAfterLogin) {
  const auto a = imapscope::testing::analyze_rawlog("a2 NOOP\r\n",
                                                    "a1 OK [CAPABILITY IMAP4rev1] Logged in\r\n"
                                                    "* 3 EXISTS\r\n"
                                                    "a2 OK NOOP completed\r\n");
  EXPECT_TRUE(
      imapscope::testing::violations_of(a, "response.mailbox-data-outside-selected").empty());
}

RULE_SILENT(ResponseMailboxDataOutsideSelected, "response.mailbox-data-outside-selected",
            CorrectSession, imapscope::testing::kCorrectRev2Session)

// While SELECT is in progress its EXISTS (and a pipelined command's updates) belong to the
// mailbox being selected.
RULE_SILENT(ResponseMailboxDataOutsideSelected, "response.mailbox-data-outside-selected",
            DuringPipelinedSelect, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
C: a2 SELECT INBOX
C: a3 FETCH 1 FLAGS
S: a1 OK LOGIN completed
S: * 1 EXISTS
S: * 0 RECENT
S: * FLAGS (\Seen)
S: a2 OK [READ-WRITE] SELECT completed
S: * 1 FETCH (FLAGS ())
S: a3 OK FETCH completed
)")

// A BYE ends a session in the selected state; the mailbox is still the one the data is about.
RULE_SILENT(ResponseMailboxDataOutsideSelected, "response.mailbox-data-outside-selected",
            AfterByeInSelectedState, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] SELECT completed
C: a2 LOGOUT
S: * BYE logging out
S: * 2 EXISTS
S: a2 OK LOGOUT completed
)")
