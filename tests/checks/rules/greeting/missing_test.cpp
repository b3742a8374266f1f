#include "tests/support/rule_test.h"

RULE_FIRES(GreetingMissing, "greeting.missing", FirstResponseIsTagged, R"(
C: a1 NOOP
S: a1 OK done
)",
           3)

RULE_FIRES(GreetingMissing, "greeting.missing", FirstResponseIsExists, R"(
S: * 1 EXISTS
C: a1 NOOP
S: a1 OK done
)",
           2)

RULE_FIRES(GreetingMissing, "greeting.missing", ServerNeverSpeaks, R"(
C: a1 NOOP
)",
           0)

RULE_SILENT(GreetingMissing, "greeting.missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(GreetingMissing, "greeting.missing", PreauthGreeting, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] logged in as alice
C: a1 SELECT INBOX
S: * 0 EXISTS
S: a1 OK [READ-WRITE] done
)")

// A malformed greeting is greeting.malformed's concern, not this rule's.
RULE_SILENT(GreetingMissing, "greeting.missing", MalformedIsNotMissing, R"(
S: * HELLO there
)")
