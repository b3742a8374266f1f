#include "tests/support/rule_test.h"

RULE_FIRES(SyntaxResponse, "syntax.response", TaggedWithoutStatus, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 DONE
)",
           4)

RULE_FIRES(SyntaxResponse, "syntax.response", StarWithoutSpace, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: *3 EXISTS
S: a1 OK done
)",
           4)

RULE_FIRES(SyntaxResponse, "syntax.response", NumberTooLarge, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: * 4294967296 EXISTS
S: a1 OK done
)",
           4)

RULE_SILENT(SyntaxResponse, "syntax.response", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
