#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(SearchEsearchExpected, "search.esearch-expected", SearchResponse,
           plain_session("C: a2 SEARCH RETURN (MIN COUNT) UNSEEN\nS: * SEARCH 2 3\n"
                         "S: a2 OK done\n"),
           7)

RULE_SILENT(SearchEsearchExpected, "search.esearch-expected", EsearchResponse,
            plain_session("C: a2 SEARCH RETURN (MIN COUNT) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") MIN 2 COUNT 2\nS: a2 OK done\n"))
RULE_SILENT(SearchEsearchExpected, "search.esearch-expected", PlainSearch,
            plain_session("C: a2 SEARCH UNSEEN\nS: * SEARCH 2 3\nS: a2 OK done\n"))
