#include "tests/support/rule_test.h"

RULE_FIRES(SelectExamineReadOnlyMissing, "select.examine-read-only-missing", ReadWrite, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 EXAMINE INBOX
S: * 0 EXISTS
S: a1 OK [READ-WRITE] EXAMINE completed
)",
           5)

RULE_FIRES(SelectExamineReadOnlyMissing, "select.examine-read-only-missing", NoCode, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 EXAMINE INBOX
S: a1 OK EXAMINE completed
)",
           4)

RULE_SILENT(SelectExamineReadOnlyMissing, "select.examine-read-only-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectExamineReadOnlyMissing, "select.examine-read-only-missing", ReadOnly, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 EXAMINE INBOX
S: * 0 EXISTS
S: a1 OK [READ-ONLY] EXAMINE completed
)")
