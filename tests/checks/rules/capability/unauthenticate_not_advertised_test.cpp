#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityUnauthenticateNotAdvertised, "capability.unauthenticate-not-advertised",
           NotListedAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a1 OK [CAPABILITY IMAP4rev2 IDLE] authenticated
C: a2 UNAUTHENTICATE
S: a2 BAD unknown command
)",
           5)

RULE_SILENT(CapabilityUnauthenticateNotAdvertised, "capability.unauthenticate-not-advertised",
            CorrectSession, imapscope::testing::kCorrectRev2Session)

// RFC 8437 §3: servers "MAY choose to advertise the UNAUTHENTICATE capability only after
// authentication" — here it is, in the login's CAPABILITY code.
RULE_SILENT(CapabilityUnauthenticateNotAdvertised, "capability.unauthenticate-not-advertised",
            ListedOnlyAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a1 OK [CAPABILITY IMAP4rev2 UNAUTHENTICATE] authenticated
C: a2 UNAUTHENTICATE
S: a2 OK now not authenticated
)")

// A login without a new list: the pre-login list does not count.
RULE_SILENT(CapabilityUnauthenticateNotAdvertised, "capability.unauthenticate-not-advertised",
            NoListAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a1 OK authenticated
C: a2 UNAUTHENTICATE
S: a2 OK now not authenticated
)")
