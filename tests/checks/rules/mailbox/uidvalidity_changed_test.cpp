#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxUidvalidityChanged, "mailbox.uidvalidity-changed", WithinSelection,
           selected_inbox("C: a3 NOOP\nS: * OK [UIDVALIDITY 8] changed\nS: a3 OK done\n"), 15)

RULE_SILENT(MailboxUidvalidityChanged, "mailbox.uidvalidity-changed", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A new selection may bring a new UIDVALIDITY (the mailbox may have been recreated).
RULE_SILENT(MailboxUidvalidityChanged, "mailbox.uidvalidity-changed", Reselect,
            selected_inbox("C: a3 SELECT INBOX\nS: * 3 EXISTS\nS: * OK [UIDVALIDITY 8] new\n"
                           "S: a3 OK [READ-WRITE] done\n"))
