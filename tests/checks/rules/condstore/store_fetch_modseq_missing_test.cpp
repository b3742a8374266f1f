#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::qresync_session;

RULE_FIRES(CondstoreStoreFetchModseqMissing, "condstore.store-fetch-modseq-missing", NoModseq,
           qresync_session("C: a3 STORE 1 (UNCHANGEDSINCE 90) +FLAGS.SILENT (\\Seen)\n"
                           "S: * 1 FETCH (UID 4 FLAGS (\\Seen))\n"
                           "S: a3 OK done\n"),
           11)

// RFC 7162 §3.1.3 Example 6.
RULE_SILENT(CondstoreStoreFetchModseqMissing, "condstore.store-fetch-modseq-missing", WithModseq,
            qresync_session("C: a3 STORE 1 (UNCHANGEDSINCE 90) +FLAGS.SILENT (\\Seen)\n"
                            "S: * 1 FETCH (UID 4 MODSEQ (91))\n"
                            "S: a3 OK done\n"))
