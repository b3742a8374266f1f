#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxExpungeOutOfRange, "mailbox.expunge-out-of-range", BeyondExists,
           selected_inbox("C: a3 EXPUNGE\nS: * 4 EXPUNGE\nS: a3 OK done\n"), 15)

RULE_FIRES(MailboxExpungeOutOfRange, "mailbox.expunge-out-of-range", Zero,
           selected_inbox("C: a3 EXPUNGE\nS: * 0 EXPUNGE\nS: a3 OK done\n"), 15)

// The second EXPUNGE 3 would be fine before the first; after it only 2 messages remain.
RULE_FIRES(MailboxExpungeOutOfRange, "mailbox.expunge-out-of-range", AfterRenumbering,
           selected_inbox("C: a3 EXPUNGE\nS: * 3 EXPUNGE\nS: * 3 EXPUNGE\nS: a3 OK done\n"), 16)

RULE_SILENT(MailboxExpungeOutOfRange, "mailbox.expunge-out-of-range", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// "lower to higher" expunging of the last two messages sends EXPUNGE 2 twice (§7.5.1).
RULE_SILENT(MailboxExpungeOutOfRange, "mailbox.expunge-out-of-range", LowerToHigher,
            selected_inbox("C: a3 EXPUNGE\nS: * 2 EXPUNGE\nS: * 2 EXPUNGE\nS: a3 OK done\n"))
