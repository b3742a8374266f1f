#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedModifierOnFetch, "qresync.vanished-modifier-on-fetch", Sent,
           qresync_session("C: a3 FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 BAD no\n"), 10)

RULE_SILENT(QresyncVanishedModifierOnFetch, "qresync.vanished-modifier-on-fetch", UidFetch,
            qresync_session("C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK\n"))
