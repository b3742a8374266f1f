#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityAuthMechanismNotAdvertised, "capability.auth-mechanism-not-advertised",
           UnlistedMechanism, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN AUTH=SCRAM-SHA-256] ready
C: a1 AUTHENTICATE GSSAPI
S: a1 NO unsupported mechanism
)",
           3)

RULE_SILENT(CapabilityAuthMechanismNotAdvertised, "capability.auth-mechanism-not-advertised",
            CorrectSession, imapscope::testing::kCorrectRev2Session)

// Mechanism names are case-insensitive.
RULE_SILENT(CapabilityAuthMechanismNotAdvertised, "capability.auth-mechanism-not-advertised",
            ListedMechanism, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE plain dGVzdAB0ZXN0AHRlc3Q=
S: a1 OK authenticated
)")

// RFC 9051 §6.2.2's example: PLAIN is not listed before TLS; after STARTTLS the old list no
// longer counts, and the new one lists AUTH=PLAIN.
RULE_SILENT(CapabilityAuthMechanismNotAdvertised, "capability.auth-mechanism-not-advertised",
            AfterStarttls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready
C: A01 STARTTLS
S: A01 OK STARTTLS completed
C: A02 CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=GSSAPI AUTH=PLAIN
S: A02 OK CAPABILITY completed
C: A03 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: A03 OK Success (tls protection)
)")
