#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(TextClientDateTimeInvalid, "text.client-date-time-invalid", AppendApril31, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 APPEND saved-messages (\Seen) "31-Apr-2024 10:00:00 +0000" {8}
S: + Ready for literal data
C: Hello!
C:
S: a1 OK APPEND completed
)",
           3)
RULE_FIRES(TextClientDateTimeInvalid, "text.client-date-time-invalid", SearchSince,
           plain_session("C: a2 SEARCH SINCE 29-Feb-2023\nS: * SEARCH\nS: a2 OK done\n"), 6)

// RFC 9051 §6.3.12 example (with a date-time added) and §6.4.4's "SINCE 1-Feb-1994".
RULE_SILENT(TextClientDateTimeInvalid, "text.client-date-time-invalid", Valid, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 APPEND saved-messages (\Seen) " 7-Feb-1994 21:52:25 -0800" {8}
S: + Ready for literal data
C: Hello!
C:
S: a1 OK APPEND completed
C: a2 SELECT saved-messages
S: * 1 EXISTS
S: a2 OK [READ-WRITE] done
C: a3 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"
S: * SEARCH 1
S: a3 OK done
C: a4 SEARCH SUBJECT ON
S: * SEARCH
S: a4 OK done
)")
