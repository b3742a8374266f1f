#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

RULE_FIRES(QresyncVanishedModifierAcceptedWithoutEnable,
           "qresync.vanished-modifier-accepted-without-enable", NoEnable,
           imapscope::testing::plain_session(
               "C: a2 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a2 OK done\n"),
           7)

RULE_SILENT(QresyncVanishedModifierAcceptedWithoutEnable,
            "qresync.vanished-modifier-accepted-without-enable", Enabled,
            imapscope::testing::qresync_session(
                "C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK done\n"))
RULE_SILENT(QresyncVanishedModifierAcceptedWithoutEnable,
            "qresync.vanished-modifier-accepted-without-enable", RejectedWithBad,
            imapscope::testing::plain_session(
                "C: a2 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a2 BAD no\n"))
