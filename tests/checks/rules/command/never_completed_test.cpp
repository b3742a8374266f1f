#include "tests/support/rule_test.h"

RULE_FIRES(CommandNeverCompleted, "command.never-completed", StreamEndsDuringNoop, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK done
C: a2 NOOP
)",
           5)

RULE_FIRES(CommandNeverCompleted, "command.never-completed", LogoutWithoutTaggedOk, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LOGOUT
S: * BYE bye
)",
           3)

RULE_SILENT(CommandNeverCompleted, "command.never-completed", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// After BYE the server closes the connection; pending commands end with it (RFC 9051 §7.1.5).
RULE_SILENT(CommandNeverCompleted, "command.never-completed", ByeEndsPendingCommands, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: * BYE autologout; idle for too long
)")
