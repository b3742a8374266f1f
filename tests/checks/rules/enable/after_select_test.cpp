#include "tests/support/rule_test.h"

RULE_FIRES(EnableAfterSelect, "enable.after-select", AfterClose, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 CLOSE
S: a2 OK done
C: a3 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a3 OK done
)",
           8)

// RFC 5161 §3.1: "it is possible to send ENABLE and then immediately SELECT".
RULE_SILENT(EnableAfterSelect, "enable.after-select", BeforeSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 ENABLE CONDSTORE
C: a2 SELECT INBOX
S: * ENABLED CONDSTORE
S: a1 OK done
S: * 3 EXISTS
S: a2 OK [READ-WRITE] done
)")
RULE_SILENT(EnableAfterSelect, "enable.after-select", AfterFailedSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 SELECT Nope
S: a1 NO no such mailbox
C: a2 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a2 OK done
)")
