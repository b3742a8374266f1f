#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncVanishedEarlierUnrequested, "qresync.vanished-earlier-unrequested", DuringNoop,
           qresync_session("C: a3 NOOP\nS: * VANISHED (EARLIER) 5\nS: a3 OK\n"), 11)

RULE_SILENT(QresyncVanishedEarlierUnrequested, "qresync.vanished-earlier-unrequested",
            UidFetchVanished,
            qresync_session("C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 12 VANISHED)\n"
                            "S: * VANISHED (EARLIER) 5\nS: a3 OK done\n"))
// RFC 7162 §3.2.5.2 example: SELECT with QRESYNC reports removals with VANISHED (EARLIER).
RULE_SILENT(QresyncVanishedEarlierUnrequested, "qresync.vanished-earlier-unrequested",
            SelectQresync,
            qresync_session("C: a3 SELECT INBOX (QRESYNC (67890007 20050715194045000))\n"
                            "S: * 3 EXISTS\nS: * VANISHED (EARLIER) 41,43:116\nS: a3 OK\n"))
RULE_SILENT(QresyncVanishedEarlierUnrequested, "qresync.vanished-earlier-unrequested",
            WithoutEarlier, qresync_session("C: a3 NOOP\nS: * VANISHED 5\nS: a3 OK\n"))
