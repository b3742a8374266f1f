#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityAuthPlainMissing, "capability.auth-plain-missing", GreetingWithoutPlain, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=SCRAM-SHA-256 AUTH=GSSAPI] ready
C: a1 LOGOUT
S: * BYE bye
S: a1 OK done
)",
           2)

RULE_FIRES(CapabilityAuthPlainMissing, "capability.auth-plain-missing", AfterStarttls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED AUTH=SCRAM-SHA-256] ready
C: a1 STARTTLS
S: a1 OK begin TLS
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=SCRAM-SHA-256
S: a2 OK done
)",
           6)

RULE_SILENT(CapabilityAuthPlainMissing, "capability.auth-plain-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §6.1.1's own example: before STARTTLS, with LOGINDISABLED, PLAIN is not listed.
RULE_SILENT(CapabilityAuthPlainMissing, "capability.auth-plain-missing", BeforeTls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready
C: abcd CAPABILITY
S: * CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED
S: abcd OK CAPABILITY completed
C: efgh STARTTLS
S: efgh OK STARTTLS completed
C: ijkl CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=GSSAPI AUTH=PLAIN
S: ijkl OK CAPABILITY completed
)")

// After authentication a list need not name mechanisms at all; and an IMAP4rev1-only list is
// RFC 3501's business.
RULE_SILENT(CapabilityAuthPlainMissing, "capability.auth-plain-missing", AfterLoginAndRev1, R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=GSSAPI] ready
C: a1 AUTHENTICATE GSSAPI
S: + 
C: YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBw
S: a1 OK [CAPABILITY IMAP4rev2 IDLE AUTH=GSSAPI] authenticated
)")
