#include "tests/support/rule_test.h"

RULE_FIRES(EnableEnabledMissing, "enable.enabled-missing", OkWithoutEnabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 CONDSTORE] ready
C: a1 ENABLE CONDSTORE
S: a1 OK Conditional Store enabled
)",
           4)

// "The ENABLED response is sent even if no extensions were enabled."
RULE_FIRES(EnableEnabledMissing, "enable.enabled-missing", NothingEnabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: t2 ENABLE X-UNKNOWN
S: t2 OK nothing to enable
)",
           4)

RULE_SILENT(EnableEnabledMissing, "enable.enabled-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(EnableEnabledMissing, "enable.enabled-missing", EmptyEnabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 CONDSTORE] ready
C: a1 ENABLE X-UNKNOWN
S: * ENABLED
S: a1 OK nothing enabled
C: a2 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a2 OK Conditional Store enabled
)")

// A rejected ENABLE needs no ENABLED response.
RULE_SILENT(EnableEnabledMissing, "enable.enabled-missing", Rejected, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 ENABLE
S: a1 BAD ENABLE needs arguments
)")
