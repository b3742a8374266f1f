#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

// kPlainSelected has 3 messages.
RULE_FIRES(SearchNumberOutOfRange, "search.number-out-of-range", BeyondExists,
           plain_session("C: a2 SEARCH UNSEEN\nS: * SEARCH 2 7\nS: a2 OK done\n"), 7)
RULE_FIRES(SearchNumberOutOfRange, "search.number-out-of-range", Zero,
           plain_session("C: a2 SEARCH UNSEEN\nS: * SEARCH 0\nS: a2 OK done\n"), 7)
RULE_FIRES(SearchNumberOutOfRange, "search.number-out-of-range", EsearchMax,
           plain_session("C: a2 SEARCH RETURN (MAX) UNSEEN\n"
                         "S: * ESEARCH (TAG \"a2\") MAX 9\nS: a2 OK done\n"),
           7)

RULE_SILENT(SearchNumberOutOfRange, "search.number-out-of-range", InRange,
            plain_session("C: a2 SEARCH UNSEEN\nS: * SEARCH 1 3\nS: a2 OK done\n"))
RULE_SILENT(SearchNumberOutOfRange, "search.number-out-of-range", UidSearch,
            plain_session("C: a2 UID SEARCH UNSEEN\nS: * SEARCH 4827 4828\nS: a2 OK done\n"))
RULE_SILENT(SearchNumberOutOfRange, "search.number-out-of-range", EsearchUid,
            plain_session("C: a2 UID SEARCH RETURN (ALL) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") UID ALL 4827:4830\nS: a2 OK done\n"))
