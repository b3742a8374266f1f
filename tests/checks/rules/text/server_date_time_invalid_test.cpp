#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;

RULE_FIRES(TextServerDateTimeInvalid, "text.server-date-time-invalid", February30,
           plain_session("C: a2 FETCH 1 INTERNALDATE\n"
                         "S: * 1 FETCH (INTERNALDATE \"30-Feb-2024 10:00:00 +0000\")\n"
                         "S: a2 OK done\n"),
           7)
RULE_FIRES(TextServerDateTimeInvalid, "text.server-date-time-invalid", Hour24,
           plain_session("C: a2 FETCH 1 INTERNALDATE\n"
                         "S: * 1 FETCH (INTERNALDATE \"17-Jul-1996 24:44:25 -0700\")\n"
                         "S: a2 OK done\n"),
           7)

// RFC 9051 §6.4.5 example date, a leap day, and a single-digit day with its leading space.
RULE_SILENT(TextServerDateTimeInvalid, "text.server-date-time-invalid", Valid,
            plain_session("C: a2 FETCH 1:3 INTERNALDATE\n"
                          "S: * 1 FETCH (INTERNALDATE \"17-Jul-1996 02:44:25 -0700\")\n"
                          "S: * 2 FETCH (INTERNALDATE \"29-Feb-2024 23:59:60 +0530\")\n"
                          "S: * 3 FETCH (INTERNALDATE \" 1-jan-2000 00:00:00 +0000\")\n"
                          "S: a2 OK done\n"))
