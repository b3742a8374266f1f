#include "tests/support/rule_test.h"

RULE_FIRES(StatusMailboxMismatch, "status.mailbox-mismatch", OtherMailbox, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: A042 STATUS blurdybloop (UIDNEXT MESSAGES)
S: * STATUS Drafts (MESSAGES 2 UIDNEXT 17)
S: A042 OK STATUS completed
)",
           4)

RULE_FIRES(StatusMailboxMismatch, "status.mailbox-mismatch", QuotedNames, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 STATUS "Sent Items" (MESSAGES)
S: * STATUS "Sent Mail" (MESSAGES 12)
S: a1 OK STATUS completed
)",
           4)

RULE_SILENT(StatusMailboxMismatch, "status.mailbox-mismatch", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// The same name in another form: quoted, a literal, INBOX in another case (RFC 9051 §5.1), or
// a name in another letter case, which a case-insensitive server may return.
RULE_SILENT(StatusMailboxMismatch, "status.mailbox-mismatch", SameNameOtherForm, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 STATUS "blurdybloop" (MESSAGES)
S: * STATUS blurdybloop (MESSAGES 231)
S: a1 OK STATUS completed
C: a2 STATUS inbox (UNSEEN)
S: * STATUS "INBOX" (UNSEEN 2)
S: a2 OK STATUS completed
C: a3 STATUS {8+}
C: Sent Box (MESSAGES)
S: * STATUS "Sent Box" (MESSAGES 4)
S: a3 OK STATUS completed
C: a4 STATUS Archive (MESSAGES)
S: * STATUS ARCHIVE (MESSAGES 9)
S: a4 OK STATUS completed
)")

// Two pipelined STATUS commands answered in order; and LIST-STATUS, whose STATUS responses
// name the listed mailboxes.
RULE_SILENT(StatusMailboxMismatch, "status.mailbox-mismatch", PipelinedAndListStatus, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 STATUS foo (MESSAGES)
C: a2 STATUS bar (MESSAGES)
S: * STATUS foo (MESSAGES 1)
S: a1 OK STATUS completed
S: * STATUS bar (MESSAGES 2)
S: a2 OK STATUS completed
C: a3 STATUS Drafts (MESSAGES)
C: a4 LIST "" % RETURN (STATUS (MESSAGES))
S: * STATUS Drafts (MESSAGES 3)
S: a3 OK STATUS completed
S: * LIST () "/" INBOX
S: * STATUS INBOX (MESSAGES 17)
S: a4 OK LIST completed
)")
