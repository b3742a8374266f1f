#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(QresyncFetchUidMissing, "qresync.fetch-uid-missing", StoreAnswer,
           qresync_session("C: a3 STORE 1 +FLAGS (\\Seen)\n"
                           "S: * 1 FETCH (MODSEQ (91) FLAGS (\\Seen))\n"
                           "S: a3 OK done\n"),
           11)

RULE_SILENT(QresyncFetchUidMissing, "qresync.fetch-uid-missing", WithUid,
            qresync_session("C: a3 STORE 1 +FLAGS (\\Seen)\n"
                            "S: * 1 FETCH (UID 4 MODSEQ (91) FLAGS (\\Seen))\n"
                            "S: a3 OK done\n"))
// §3.2.4 binds QRESYNC servers only.
RULE_SILENT(QresyncFetchUidMissing, "qresync.fetch-uid-missing", CondstoreOnlyServer, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
C: a1 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a1 OK enabled
C: a2 SELECT INBOX
S: * 3 EXISTS
S: * OK [HIGHESTMODSEQ 90] ok
S: a2 OK [READ-WRITE] done
C: a3 STORE 1 +FLAGS (\Seen)
S: * 1 FETCH (MODSEQ (91) FLAGS (\Seen))
S: a3 OK done
)")
