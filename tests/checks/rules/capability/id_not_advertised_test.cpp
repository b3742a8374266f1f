#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityIdNotAdvertised, "capability.id-not-advertised", IdWithoutId, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 ID ("name" "sodr" "version" "19.34")
S: a1 BAD unknown command
)",
           3)

RULE_SILENT(CapabilityIdNotAdvertised, "capability.id-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityIdNotAdvertised, "capability.id-not-advertised", Advertised, R"(
S: * OK [CAPABILITY IMAP4rev1 ID AUTH=PLAIN] ready
C: a1 ID NIL
S: * ID ("name" "Dovecot")
S: a1 OK done
)")

// After STARTTLS the client MUST discard the capabilities it knew (RFC 9051 §6.2.1): the list
// from before TLS is not held against it.
RULE_SILENT(CapabilityIdNotAdvertised, "capability.id-not-advertised", StaleAfterStarttls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a1 STARTTLS
S: a1 OK begin TLS
C: a2 ID NIL
S: * ID NIL
S: a2 OK done
)")
