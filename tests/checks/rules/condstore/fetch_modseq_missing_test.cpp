#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;
using imapscope::testing::qresync_session;

RULE_FIRES(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", StoreAnswer,
           qresync_session("C: a3 STORE 1 +FLAGS (\\Seen)\n"
                           "S: * 1 FETCH (UID 4 FLAGS (\\Seen))\n"
                           "S: a3 OK done\n"),
           11)
RULE_FIRES(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", Unsolicited,
           qresync_session("C: a3 NOOP\n"
                           "S: * 2 FETCH (UID 5 FLAGS (\\Deleted))\n"
                           "S: a3 OK done\n"),
           11)

RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", WithModseq,
            qresync_session("C: a3 STORE 1 +FLAGS (\\Seen)\n"
                            "S: * 1 FETCH (UID 4 MODSEQ (91) FLAGS (\\Seen))\n"
                            "S: a3 OK done\n"))
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", FetchAnswer,
            qresync_session("C: a3 FETCH 1 FLAGS\n"
                            "S: * 1 FETCH (FLAGS (\\Seen))\n"
                            "S: a3 OK done\n"))
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", NotAware,
            plain_session("C: a2 STORE 1 +FLAGS (\\Seen)\n"
                          "S: * 1 FETCH (FLAGS (\\Seen))\n"
                          "S: a2 OK done\n"))
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
