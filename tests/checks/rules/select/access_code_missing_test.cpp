#include "tests/support/rule_test.h"

RULE_FIRES(SelectAccessCodeMissing, "select.access-code-missing", NoCode, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 0 EXISTS
S: a1 OK SELECT completed
)",
           5)

RULE_SILENT(SelectAccessCodeMissing, "select.access-code-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectAccessCodeMissing, "select.access-code-missing", ReadOnly, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT shared
S: * 0 EXISTS
S: a1 OK [READ-ONLY] SELECT completed
)")
