#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(SearchEsearchMultiple, "search.esearch-multiple", Two,
           plain_session("C: a2 SEARCH RETURN (MIN MAX) UNSEEN\n"
                         "S: * ESEARCH (TAG \"a2\") MIN 1\n"
                         "S: * ESEARCH (TAG \"a2\") MAX 3\n"
                         "S: a2 OK done\n"),
           8)

RULE_SILENT(SearchEsearchMultiple, "search.esearch-multiple", One,
            plain_session("C: a2 SEARCH RETURN (MIN MAX) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") MIN 1 MAX 3\nS: a2 OK done\n"))
// Two commands, one ESEARCH each.
RULE_SILENT(SearchEsearchMultiple, "search.esearch-multiple", TwoCommands,
            plain_session("C: a2 SEARCH RETURN (MIN) UNSEEN\n"
                          "C: a3 SEARCH RETURN (MAX) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") MIN 1\n"
                          "S: * ESEARCH (TAG \"a3\") MAX 3\n"
                          "S: a2 OK done\nS: a3 OK done\n"))
