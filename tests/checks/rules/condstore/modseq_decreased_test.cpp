#include "tests/checks/rules/mailbox/selected_prefix.h"
#include "tests/support/rule_test.h"

using imapscope::testing::selected_inbox;

RULE_FIRES(CondstoreModseqDecreased, "condstore.modseq-decreased", Lower,
           selected_inbox("C: a3 FETCH 1 MODSEQ\nS: * 1 FETCH (UID 10 MODSEQ (100))\n"
                          "S: a3 OK done\nC: a4 FETCH 1 MODSEQ\n"
                          "S: * 1 FETCH (UID 10 MODSEQ (90))\nS: a4 OK done\n"),
           18)

RULE_SILENT(CondstoreModseqDecreased, "condstore.modseq-decreased", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(
    CondstoreModseqDecreased, "condstore.modseq-decreased", Increasing,
    selected_inbox("C: a3 STORE 1 +FLAGS (\\Seen)\nS: * 1 FETCH (FLAGS (\\Seen) MODSEQ (100))\n"
                   "S: a3 OK done\nC: a4 STORE 1 -FLAGS (\\Seen)\n"
                   "S: * 1 FETCH (FLAGS () MODSEQ (101))\nS: a4 OK done\n"))
