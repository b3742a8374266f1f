#include "tests/support/rule_test.h"

RULE_FIRES(StatusResponseMissing, "status.response-missing", OkWithoutStatus, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: A042 STATUS blurdybloop (UIDNEXT MESSAGES)
S: A042 OK STATUS completed
)",
           4)

RULE_SILENT(StatusResponseMissing, "status.response-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §6.3.11's example, and a failed STATUS, which needs no STATUS response.
RULE_SILENT(StatusResponseMissing, "status.response-missing", RfcExampleAndFailure, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: A042 STATUS blurdybloop (UIDNEXT MESSAGES)
S: * STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)
S: A042 OK STATUS completed
C: A043 STATUS nosuchbox (MESSAGES)
S: A043 NO [NONEXISTENT] no status for that name
)")
