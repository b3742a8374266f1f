#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxExistsDecreased, "mailbox.exists-decreased", LowerExists,
           selected_inbox("C: a3 NOOP\nS: * 2 EXISTS\nS: a3 OK done\n"), 15)

RULE_SILENT(MailboxExistsDecreased, "mailbox.exists-decreased", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// After an EXPUNGE the lower count is right.
RULE_SILENT(MailboxExistsDecreased, "mailbox.exists-decreased", AfterExpunge,
            selected_inbox("C: a3 NOOP\nS: * 3 EXPUNGE\nS: * 2 EXISTS\nS: a3 OK done\n"))
