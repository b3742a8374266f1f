#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(SearchEsearchResultOnNoMatch, "search.esearch-result-on-no-match", MinWithCountZero,
           plain_session("C: a2 SEARCH RETURN (MIN COUNT) UNSEEN\n"
                         "S: * ESEARCH (TAG \"a2\") MIN 1 COUNT 0\nS: a2 OK done\n"),
           7)

// RFC 4731 §3.1 example: no matches, only COUNT 0.
RULE_SILENT(SearchEsearchResultOnNoMatch, "search.esearch-result-on-no-match", CountOnly,
            plain_session("C: a2 SEARCH RETURN (MIN COUNT) UNSEEN\n"
                          "S: * ESEARCH (TAG \"a2\") COUNT 0\nS: a2 OK done\n"))
