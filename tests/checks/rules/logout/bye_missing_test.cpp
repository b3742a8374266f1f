#include "tests/support/rule_test.h"

RULE_FIRES(LogoutByeMissing, "logout.bye-missing", OkWithoutBye, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LOGOUT
S: a1 OK LOGOUT completed
)",
           4)

RULE_SILENT(LogoutByeMissing, "logout.bye-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(LogoutByeMissing, "logout.bye-missing", RejectedLogout, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LOGOUT extra
S: a1 BAD LOGOUT takes no arguments
)")
