#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedNoCommand, "qresync.vanished-no-command", AfterCompletion,
           qresync_session("C: a3 NOOP\nS: a3 OK done\nS: * VANISHED 5\n"), 12)

RULE_SILENT(QresyncVanishedNoCommand, "qresync.vanished-no-command", DuringNoop,
            qresync_session("C: a3 NOOP\nS: * VANISHED 5\nS: a3 OK done\n"))
RULE_SILENT(QresyncVanishedNoCommand, "qresync.vanished-no-command", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
