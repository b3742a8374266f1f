#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

RULE_FIRES(QresyncUsedWithoutEnable, "qresync.used-without-enable", SelectParameter, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 SELECT INBOX (QRESYNC (67890007 20050715194045000))
S: a1 BAD enable QRESYNC first
)",
           3)
RULE_FIRES(QresyncUsedWithoutEnable, "qresync.used-without-enable", VanishedModifier,
           imapscope::testing::plain_session(
               "C: a2 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a2 BAD no\n"),
           6)

RULE_SILENT(QresyncUsedWithoutEnable, "qresync.used-without-enable", Enabled,
            imapscope::testing::qresync_session(
                "C: a3 UID FETCH 1:* FLAGS (CHANGEDSINCE 5 VANISHED)\nS: a3 OK done\n"))
RULE_SILENT(QresyncUsedWithoutEnable, "qresync.used-without-enable", EnablePipelined, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 ENABLE QRESYNC
C: a2 SELECT INBOX (QRESYNC (67890007 20050715194045000))
S: * ENABLED QRESYNC
S: a1 OK enabled
S: * 3 EXISTS
S: a2 OK [READ-WRITE] done
)")
