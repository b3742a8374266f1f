#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityCompressNotAdvertised, "capability.compress-not-advertised",
           NoCompressCapability, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 IDLE] ready
C: a1 COMPRESS DEFLATE
S: a1 BAD unknown command
)",
           3)

RULE_SILENT(CapabilityCompressNotAdvertised, "capability.compress-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Mechanism names are case-insensitive atoms.
RULE_SILENT(CapabilityCompressNotAdvertised, "capability.compress-not-advertised", Advertised,
            R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 COMPRESS=DEFLATE] ready
C: a1 COMPRESS deflate
S: a1 NO compression is already active via TLS
)")
