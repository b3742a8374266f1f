#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxUidNotAscending, "mailbox.uid-not-ascending", NewMessageBelowLast,
           selected_inbox("C: a3 NOOP\nS: * 4 EXISTS\nS: a3 OK done\n"
                          "C: a4 FETCH 4 UID\nS: * 4 FETCH (UID 25)\nS: a4 OK done\n"),
           18)

RULE_FIRES(MailboxUidNotAscending, "mailbox.uid-not-ascending", FirstSeenOutOfOrder, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:3 UID
S: * 1 FETCH (UID 10)
S: * 3 FETCH (UID 30)
S: * 2 FETCH (UID 31)
S: a2 OK done
)",
           9)

RULE_SILENT(MailboxUidNotAscending, "mailbox.uid-not-ascending", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(MailboxUidNotAscending, "mailbox.uid-not-ascending", NewMessageAbove,
            selected_inbox("C: a3 NOOP\nS: * 4 EXISTS\nS: a3 OK done\n"
                           "C: a4 FETCH 4 UID\nS: * 4 FETCH (UID 31)\nS: a4 OK done\n"))
