#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityEnableNotAdvertised, "capability.enable-not-advertised", Rev1WithoutEnable,
           R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] ready
C: a1 ENABLE CONDSTORE
S: a1 BAD unknown command
)",
           3)

RULE_SILENT(CapabilityEnableNotAdvertised, "capability.enable-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityEnableNotAdvertised, "capability.enable-not-advertised", Advertised, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a1 OK enabled
)")

// RFC 9051 §6.3.1: "a client can enable IMAP4rev2-specific behavior when both IMAP4rev1 and
// IMAP4rev2 are advertised" — IMAP4rev2 includes ENABLE.
RULE_SILENT(CapabilityEnableNotAdvertised, "capability.enable-not-advertised",
            EnableImap4rev2OnDualServer, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a1 ENABLE IMAP4rev2
S: * ENABLED IMAP4rev2
S: a1 OK enabled
)")
