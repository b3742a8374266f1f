#include "tests/support/rule_test.h"

RULE_FIRES(TagCompletedTwice, "tag.completed-twice", SecondCompletion, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK done
S: a1 OK done again
)",
           5)

RULE_SILENT(TagCompletedTwice, "tag.completed-twice", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(TagCompletedTwice, "tag.completed-twice", ReusedTagCompletedTwiceLegitimately, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK done
C: a1 NOOP
S: a1 OK done
)")
