#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(FetchUidMissingDuringIdle, "fetch.uid-missing-during-idle", FlagUpdate,
           selected_inbox("C: a3 IDLE\nS: + idling\nS: * 1 FETCH (FLAGS (\\Seen))\nC: DONE\n"
                          "S: a3 OK done\n"),
           16)

RULE_SILENT(FetchUidMissingDuringIdle, "fetch.uid-missing-during-idle", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(FetchUidMissingDuringIdle, "fetch.uid-missing-during-idle", WithUid,
            selected_inbox("C: a3 IDLE\nS: + idling\nS: * 1 FETCH (UID 10 FLAGS (\\Seen))\n"
                           "C: DONE\nS: a3 OK done\n"))

// RFC 2177 IDLE on an IMAP4rev1 server does not require the UID.
RULE_SILENT(FetchUidMissingDuringIdle, "fetch.uid-missing-during-idle", Rev1Idle, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 IDLE
S: + idling
S: * 1 FETCH (FLAGS (\Seen))
C: DONE
S: a2 OK done
)")
