#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedModifierAcceptedOnFetch, "qresync.vanished-modifier-accepted-on-fetch",
           Accepted,
           qresync_session("C: a3 FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK done\n"), 11)

RULE_SILENT(QresyncVanishedModifierAcceptedOnFetch, "qresync.vanished-modifier-accepted-on-fetch",
            RejectedWithBad,
            qresync_session("C: a3 FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 BAD no\n"))
RULE_SILENT(QresyncVanishedModifierAcceptedOnFetch, "qresync.vanished-modifier-accepted-on-fetch",
            UidFetch,
            qresync_session("C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK\n"))
