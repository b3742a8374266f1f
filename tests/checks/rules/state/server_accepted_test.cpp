#include "tests/support/rule_test.h"

RULE_FIRES(StateServerAccepted, "state.server-accepted", OkToFetchWithoutSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 FETCH 1 FLAGS
S: a1 OK done
)",
           4)

RULE_SILENT(StateServerAccepted, "state.server-accepted", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(StateServerAccepted, "state.server-accepted", RejectedWithBad, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 FETCH 1 FLAGS
S: a1 BAD no mailbox selected
)")

// A failed SELECT leaves authenticated state (RFC 9051 §6.3.2); later SELECT may succeed.
RULE_SILENT(StateServerAccepted, "state.server-accepted", SelectAfterFailedSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT nosuch
S: a1 NO no such mailbox
C: a2 SELECT INBOX
S: * 0 EXISTS
S: a2 OK [READ-WRITE] done
C: a3 CLOSE
S: a3 OK done
)")
