#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(FetchPartialTooLong, "fetch.partial-too-long", TooLong,
           plain_session("C: a2 FETCH 1 BODY.PEEK[]<0.4>\n"
                         "S: * 1 FETCH (BODY[]<0> {8}\n"
                         "S: abcdef\n"
                         "S: )\n"
                         "S: a2 OK done\n"),
           7)

// RFC 9051 §6.4.5: "BODY[]<0.2048> of a 1500-octet message will return BODY[]<0> with a
// literal of size 1500".
RULE_SILENT(FetchPartialTooLong, "fetch.partial-too-long", Truncated,
            plain_session("C: a2 FETCH 1 (FLAGS BODY[]<0.2048>)\n"
                          "S: * 1 FETCH (FLAGS (\\Seen) BODY[]<0> {8}\n"
                          "S: abcdef\n"
                          "S: )\n"
                          "S: a2 OK done\n"))
RULE_SILENT(FetchPartialTooLong, "fetch.partial-too-long", Exact,
            plain_session("C: a2 FETCH 1 BODY.PEEK[TEXT]<2.3>\n"
                          "S: * 1 FETCH (BODY[TEXT]<2> \"abc\")\n"
                          "S: a2 OK done\n"))
