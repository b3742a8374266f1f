#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedWithoutChangedsince, "qresync.vanished-without-changedsince", Sent,
           qresync_session("C: a3 UID FETCH 1:* FLAGS (VANISHED)\nS: a3 BAD no\n"), 10)

RULE_SILENT(QresyncVanishedWithoutChangedsince, "qresync.vanished-without-changedsince",
            WithChangedsince,
            qresync_session("C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK\n"))
