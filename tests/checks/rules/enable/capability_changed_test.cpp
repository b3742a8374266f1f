#include "tests/support/rule_test.h"

RULE_FIRES(EnableCapabilityChanged, "enable.capability-changed", Changed, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a1 OK done
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev1 ENABLE
S: a2 OK done
)",
           7)

// RFC 5161 §3.1 example: the same list before and after.
RULE_SILENT(EnableCapabilityChanged, "enable.capability-changed", Same, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a1 OK done
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev1 CONDSTORE ENABLE
S: a2 OK done
)")
// A login between the lists may change them (RFC 9051 §7.2.2).
RULE_SILENT(EnableCapabilityChanged, "enable.capability-changed", AcrossLogin, R"(
S: * OK [CAPABILITY IMAP4rev1 ENABLE AUTH=PLAIN] ready
C: a1 ENABLE CONDSTORE
S: a1 NO not authenticated
C: a2 LOGIN alice secret
S: a2 OK [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] done
)")
RULE_SILENT(EnableCapabilityChanged, "enable.capability-changed", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
