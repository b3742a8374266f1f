#include "tests/support/rule_test.h"

#include "tests/checks/rules/mailbox/selected_prefix.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(TextNumberTooLarge, "text.number-too-large", Uid,
           selected_inbox(R"(C: a3 FETCH 1 UID
S: * 1 FETCH (UID 4294967296)
S: a3 OK done
)")
               .c_str(),
           15)

RULE_FIRES(TextNumberTooLarge, "text.number-too-large", Modseq,
           selected_inbox(R"(C: a3 FETCH 1 MODSEQ
S: * 1 FETCH (MODSEQ (9223372036854775808))
S: a3 OK done
)")
               .c_str(),
           15)

RULE_SILENT(TextNumberTooLarge, "text.number-too-large", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Near miss: the largest values allowed.
RULE_SILENT(TextNumberTooLarge, "text.number-too-large", AtTheLimit,
            selected_inbox(R"(C: a3 FETCH 1 (MODSEQ RFC822.SIZE)
S: * 1 FETCH (MODSEQ (9223372036854775807) RFC822.SIZE 9223372036854775807)
S: a3 OK done
)")
                .c_str())
