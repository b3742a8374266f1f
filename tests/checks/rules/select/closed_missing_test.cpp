#include "tests/support/rule_test.h"

RULE_FIRES(SelectClosedMissing, "select.closed-missing", SecondSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 0 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 1] ok
S: * OK [UIDNEXT 1] ok
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] done
C: a2 EXAMINE Archive
S: * 0 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 2] ok
S: * OK [UIDNEXT 1] ok
S: * LIST () "/" Archive
S: a2 OK [READ-ONLY] done
)",
           16)

RULE_SILENT(SelectClosedMissing, "select.closed-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// The near miss: the same session with the CLOSED boundary.
RULE_SILENT(SelectClosedMissing, "select.closed-missing", ClosedSent, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 0 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 1] ok
S: * OK [UIDNEXT 1] ok
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] done
C: a2 EXAMINE Archive
S: * OK [CLOSED] previous mailbox closed
S: * 0 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 2] ok
S: * OK [UIDNEXT 1] ok
S: * LIST () "/" Archive
S: a2 OK [READ-ONLY] done
)")

// IMAP4rev1 has no CLOSED response code.
RULE_SILENT(SelectClosedMissing, "select.closed-missing", Rev1, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT INBOX
S: * 0 EXISTS
S: * 0 RECENT
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 1] ok
S: a1 OK [READ-WRITE] done
C: a2 SELECT Archive
S: * 0 EXISTS
S: * 0 RECENT
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 2] ok
S: a2 OK [READ-WRITE] done
)")
