#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(SearchEsearchCountMissing, "search.esearch-count-missing", NoCount,
           plain_session("C: a2 SEARCH RETURN (MIN COUNT) UNSEEN\n"
                         "S: * ESEARCH (TAG \"a2\") MIN 2\nS: a2 OK done\n"),
           7)

RULE_SILENT(SearchEsearchCountMissing, "search.esearch-count-missing", WithCount,
            plain_session("C: a2 SEARCH RETURN (MIN COUNT) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") MIN 2 COUNT 2\nS: a2 OK done\n"))
RULE_SILENT(SearchEsearchCountMissing, "search.esearch-count-missing", CountNotAsked,
            plain_session("C: a2 SEARCH RETURN (MIN) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") MIN 2\nS: a2 OK done\n"))
