#include "tests/support/rule_test.h"

RULE_FIRES(LogoutDataAfterCompletion, "logout.data-after-completion", UntaggedAfterOk, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 LOGOUT
S: * BYE logging out
S: a1 OK done
S: * OK still here
)",
           6)

RULE_SILENT(LogoutDataAfterCompletion, "logout.data-after-completion", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
