#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxUidChanged, "mailbox.uid-changed", SameMessageNewUid,
           selected_inbox("C: a3 FETCH 2 UID\nS: * 2 FETCH (UID 25)\nS: a3 OK done\n"), 15)

RULE_SILENT(MailboxUidChanged, "mailbox.uid-changed", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// After EXPUNGE 1, message 2 is the one that had UID 30.
RULE_SILENT(MailboxUidChanged, "mailbox.uid-changed", RenumberedByExpunge,
            selected_inbox("C: a3 UID FETCH 1:* UID\nS: * 1 EXPUNGE\nS: * 2 FETCH (UID 30)\n"
                           "S: a3 OK done\n"))
