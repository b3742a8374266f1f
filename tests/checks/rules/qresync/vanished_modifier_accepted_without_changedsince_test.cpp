#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedModifierAcceptedWithoutChangedsince,
           "qresync.vanished-modifier-accepted-without-changedsince", Accepted,
           qresync_session("C: a3 UID FETCH 1:* FLAGS (VANISHED)\nS: a3 OK done\n"), 11)

RULE_SILENT(QresyncVanishedModifierAcceptedWithoutChangedsince,
            "qresync.vanished-modifier-accepted-without-changedsince", RejectedWithBad,
            qresync_session("C: a3 UID FETCH 1:* FLAGS (VANISHED)\nS: a3 BAD no\n"))
RULE_SILENT(QresyncVanishedModifierAcceptedWithoutChangedsince,
            "qresync.vanished-modifier-accepted-without-changedsince", WithChangedsince,
            qresync_session("C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK\n"))
