#include "tests/support/rule_test.h"

RULE_FIRES(ExpungeNoCommand, "expunge.no-command", BetweenCommands, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
S: * 2 EXPUNGE
)",
           6)

RULE_SILENT(ExpungeNoCommand, "expunge.no-command", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// IDLE is a command in progress until its tagged completion.
RULE_SILENT(ExpungeNoCommand, "expunge.no-command", DuringIdle, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 IDLE
S: + idling
S: * 2 EXPUNGE
C: DONE
S: a2 OK done
)")
