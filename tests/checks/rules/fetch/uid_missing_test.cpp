#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(
    FetchUidMissing, "fetch.uid-missing", UidFetch,
    selected_inbox("C: a3 UID FETCH 10 FLAGS\nS: * 1 FETCH (FLAGS (\\Seen))\nS: a3 OK done\n"), 15)

RULE_FIRES(FetchUidMissing, "fetch.uid-missing", UidStore,
           selected_inbox("C: a3 UID STORE 10 +FLAGS (\\Seen)\nS: * 1 FETCH (FLAGS (\\Seen))\n"
                          "S: a3 OK done\n"),
           15)

RULE_SILENT(FetchUidMissing, "fetch.uid-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(FetchUidMissing, "fetch.uid-missing", PlainFetch,
            selected_inbox("C: a3 FETCH 1 FLAGS\nS: * 1 FETCH (FLAGS (\\Seen))\nS: a3 OK done\n"))
