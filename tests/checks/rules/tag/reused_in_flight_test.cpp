#include "tests/support/rule_test.h"

RULE_FIRES(TagReusedInFlight, "tag.reused-in-flight", PipelinedSameTag, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev2
S: a1 OK done
S: a1 OK done
)",
           4)

RULE_SILENT(TagReusedInFlight, "tag.reused-in-flight", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Reusing a tag after its command completed is not this rule's concern.
RULE_SILENT(TagReusedInFlight, "tag.reused-in-flight", ReuseAfterCompletion, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK done
C: a1 NOOP
S: a1 OK done
)")
