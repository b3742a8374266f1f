#include "tests/support/rule_test.h"

RULE_FIRES(EnableServerEnabledUnrequested, "enable.server-enabled-unrequested", Unrequested, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 CONDSTORE UTF8=ACCEPT] ready
C: a1 ENABLE CONDSTORE
S: * ENABLED CONDSTORE UTF8=ACCEPT
S: a1 OK enabled
)",
           4)

RULE_SILENT(EnableServerEnabledUnrequested, "enable.server-enabled-unrequested", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Near misses: only what was asked (case aside), and CONDSTORE implied by QRESYNC.
RULE_SILENT(EnableServerEnabledUnrequested, "enable.server-enabled-unrequested", Requested, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 CONDSTORE QRESYNC UTF8=ACCEPT] ready
C: a1 ENABLE condstore UTF8=ACCEPT X-UNKNOWN
S: * ENABLED CONDSTORE UTF8=ACCEPT
S: a1 OK enabled
C: a2 ENABLE QRESYNC
S: * ENABLED QRESYNC CONDSTORE
S: a2 OK enabled
)")
