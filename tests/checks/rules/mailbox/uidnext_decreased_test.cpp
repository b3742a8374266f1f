#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxUidnextDecreased, "mailbox.uidnext-decreased", Lower,
           selected_inbox("C: a3 NOOP\nS: * OK [UIDNEXT 30] hm\nS: a3 OK done\n"), 15)

RULE_SILENT(MailboxUidnextDecreased, "mailbox.uidnext-decreased", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(MailboxUidnextDecreased, "mailbox.uidnext-decreased", HigherAfterDelivery,
            selected_inbox("C: a3 NOOP\nS: * 4 EXISTS\nS: * OK [UIDNEXT 32] ok\nS: a3 OK done\n"))
