#include "tests/support/rule_test.h"

RULE_FIRES(CapabilitySingleResponse, "capability.single-response", NoUntaggedCapability, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 CAPABILITY
S: a1 OK done
)",
           4)

RULE_FIRES(CapabilitySingleResponse, "capability.single-response", TwoUntaggedCapabilities, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev2
S: * CAPABILITY IMAP4rev2 IDLE
S: a1 OK done
)",
           5)

RULE_SILENT(CapabilitySingleResponse, "capability.single-response", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A failed CAPABILITY needs no CAPABILITY response.
RULE_SILENT(CapabilitySingleResponse, "capability.single-response", BadCapability, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 CAPABILITY
S: a1 BAD no
)")
