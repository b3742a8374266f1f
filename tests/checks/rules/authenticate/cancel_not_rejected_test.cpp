#include "tests/support/rule_test.h"

RULE_FIRES(AuthenticateCancelNotRejected, "authenticate.cancel-not-rejected", AnsweredNo, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: *
S: a1 NO authentication failed
)",
           6)

RULE_SILENT(AuthenticateCancelNotRejected, "authenticate.cancel-not-rejected", AnsweredBad, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: *
S: a1 BAD authentication exchange cancelled
)")
RULE_SILENT(AuthenticateCancelNotRejected, "authenticate.cancel-not-rejected", NotCancelled, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: AGFsaWNlAHNlY3JldA==
S: a1 NO authentication failed
)")
