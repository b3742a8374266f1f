#include "tests/support/rule_test.h"

RULE_FIRES(CapabilitySaslIrNotAdvertised, "capability.sasl-ir-not-advertised",
           InitialResponseWithoutSaslIr, R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a1 BAD unexpected argument
)",
           3)

RULE_SILENT(CapabilitySaslIrNotAdvertised, "capability.sasl-ir-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Without SASL-IR the client waits for the server's (empty) challenge (RFC 4959 §3).
RULE_SILENT(CapabilitySaslIrNotAdvertised, "capability.sasl-ir-not-advertised", NoInitialResponse,
            R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: dGVzdAB0ZXN0AHRlc3Q=
S: a1 OK authenticated
)")

// IMAP4rev2 includes SASL-IR (RFC 9051 §6.2.2).
RULE_SILENT(CapabilitySaslIrNotAdvertised, "capability.sasl-ir-not-advertised", ImpliedByImap4rev2,
            R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a1 OK authenticated
)")
