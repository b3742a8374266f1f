#include "tests/support/rule_test.h"

RULE_FIRES(GreetingMalformed, "greeting.malformed", NoSpaceBeforeCode, R"(
S: * OK[CAPABILITY IMAP4rev2] ready
)",
           2)

RULE_FIRES(GreetingMalformed, "greeting.malformed", UnknownGreetingWord, R"(
S: * HELLO server ready
)",
           2)

RULE_FIRES(GreetingMalformed, "greeting.malformed", NoGreeting, R"(
S: * NO go away
)",
           2)

RULE_SILENT(GreetingMalformed, "greeting.malformed", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(GreetingMalformed, "greeting.malformed", ByeGreeting, R"(
S: * BYE too many connections
)")
