#include "tests/support/rule_test.h"

RULE_FIRES(SelectRecentMissing, "select.recent-missing", Rev1WithoutRecent, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 1] ok
S: a1 OK [READ-WRITE] SELECT completed
)",
           7)

RULE_SILENT(SelectRecentMissing, "select.recent-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectRecentMissing, "select.recent-missing", Rev1WithRecent, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 1 RECENT
S: * FLAGS (\Seen)
S: a1 OK [READ-WRITE] SELECT completed
)")

// A server offering both versions, once the client enabled IMAP4rev2, follows RFC 9051.
RULE_SILENT(SelectRecentMissing, "select.recent-missing", Rev2Enabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a0 ENABLE IMAP4rev2
S: * ENABLED IMAP4rev2
S: a0 OK enabled
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * FLAGS (\Seen)
S: a1 OK [READ-WRITE] SELECT completed
)")
