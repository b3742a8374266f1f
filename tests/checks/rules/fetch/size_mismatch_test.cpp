#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(
    FetchSizeMismatch, "fetch.size-mismatch", SameResponse,
    selected_inbox("C: a3 FETCH 1 (RFC822.SIZE BODY[])\nS: * 1 FETCH (RFC822.SIZE 9 BODY[] {5}\n"
                   "S: abc\nS: )\nS: a3 OK done\n"),
    15)

// Message 1 was reported with RFC822.SIZE 5 earlier.
RULE_FIRES(FetchSizeMismatch, "fetch.size-mismatch", EarlierSize,
           selected_inbox("C: a3 FETCH 1 BODY[]\nS: * 1 FETCH (BODY[] {7}\nS: abcde\nS: )\n"
                          "S: a3 OK done\n"),
           15)

RULE_SILENT(FetchSizeMismatch, "fetch.size-mismatch", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(FetchSizeMismatch, "fetch.size-mismatch", Matching,
            selected_inbox("C: a3 FETCH 1 BODY[]\nS: * 1 FETCH (BODY[] {5}\nS: abc\nS: )\n"
                           "S: a3 OK done\n"))

// A partial fetch is not the whole message.
RULE_SILENT(FetchSizeMismatch, "fetch.size-mismatch", Partial,
            selected_inbox("C: a3 FETCH 1 BODY[]<0.2>\nS: * 1 FETCH (BODY[]<0> {2}\nS: a\nS: )\n"
                           "S: a3 OK done\n"))
