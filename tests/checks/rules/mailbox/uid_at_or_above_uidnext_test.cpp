#include "tests/support/rule_test.h"

RULE_FIRES(MailboxUidAtOrAboveUidnext, "mailbox.uid-at-or-above-uidnext", OldMessage, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * OK [UIDNEXT 20] ok
S: a1 OK [READ-WRITE] done
C: a2 FETCH 2 UID
S: * 2 FETCH (UID 20)
S: a2 OK done
)",
           8)

RULE_SILENT(MailboxUidAtOrAboveUidnext, "mailbox.uid-at-or-above-uidnext", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A message delivered after the selection may have any UID from UIDNEXT on.
RULE_SILENT(MailboxUidAtOrAboveUidnext, "mailbox.uid-at-or-above-uidnext", NewMessage, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * OK [UIDNEXT 20] ok
S: a1 OK [READ-WRITE] done
C: a2 NOOP
S: * 3 EXISTS
S: a2 OK done
C: a3 FETCH 2:3 UID
S: * 2 FETCH (UID 19)
S: * 3 FETCH (UID 20)
S: a3 OK done
)")
