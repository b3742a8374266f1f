#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(MailboxFetchOutOfRange, "mailbox.fetch-out-of-range", BeyondExists,
           selected_inbox("C: a3 FETCH 1:* FLAGS\nS: * 4 FETCH (FLAGS ())\nS: a3 OK done\n"), 15)

RULE_SILENT(MailboxFetchOutOfRange, "mailbox.fetch-out-of-range", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A new message announced by EXISTS may be fetched at once.
RULE_SILENT(MailboxFetchOutOfRange, "mailbox.fetch-out-of-range", AfterExists,
            selected_inbox("C: a3 NOOP\nS: * 4 EXISTS\nS: * 4 FETCH (FLAGS ())\nS: a3 OK done\n"))
