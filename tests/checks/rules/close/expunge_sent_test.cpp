#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(CloseExpungeSent, "close.expunge-sent", DuringClose,
           plain_session("C: a2 CLOSE\nS: * 2 EXPUNGE\nS: a2 OK done\n"), 7)

RULE_SILENT(CloseExpungeSent, "close.expunge-sent", DuringExpunge,
            plain_session("C: a2 EXPUNGE\nS: * 2 EXPUNGE\nS: a2 OK done\n"))
RULE_SILENT(CloseExpungeSent, "close.expunge-sent", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
