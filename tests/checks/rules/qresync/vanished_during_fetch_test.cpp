#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedDuringFetch, "qresync.vanished-during-fetch", DuringFetch,
           qresync_session("C: a3 FETCH 1 FLAGS\nS: * VANISHED 5\nS: a3 OK done\n"), 11)
RULE_FIRES(QresyncVanishedDuringFetch, "qresync.vanished-during-fetch", DuringStore,
           qresync_session("C: a3 STORE 1 +FLAGS.SILENT (\\Seen)\nS: * VANISHED 5\nS: a3 OK\n"), 11)

// RFC 7162 §3.2.10: "A VANISHED response MAY be sent during a UID command."
RULE_SILENT(QresyncVanishedDuringFetch, "qresync.vanished-during-fetch", DuringUidFetch,
            qresync_session("C: a3 UID FETCH 1:* FLAGS\nS: * VANISHED 5\nS: a3 OK done\n"))
RULE_SILENT(QresyncVanishedDuringFetch, "qresync.vanished-during-fetch", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
