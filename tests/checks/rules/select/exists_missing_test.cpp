#include "tests/support/rule_test.h"

// A rev2 SELECT with every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectExistsMissing, "select.exists-missing", Select, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [UIDVALIDITY 3857529045] UIDs valid
S: * OK [UIDNEXT 4392] Predicted next UID
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] SELECT completed
)",
           9)

RULE_FIRES(SelectExistsMissing, "select.exists-missing", Examine, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 EXAMINE INBOX
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [UIDVALIDITY 3857529045] UIDs valid
S: * OK [UIDNEXT 4392] Predicted next UID
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: * LIST () "/" INBOX
S: a1 OK [READ-ONLY] EXAMINE completed
)",
           9)

RULE_SILENT(SelectExistsMissing, "select.exists-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectExistsMissing, "select.exists-missing", CompleteSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [UIDVALIDITY 3857529045] UIDs valid
S: * OK [UIDNEXT 4392] Predicted next UID
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] SELECT completed
)")

// A failed SELECT owes none of the data.
RULE_SILENT(SelectExistsMissing, "select.exists-missing", FailedSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT nosuch
S: a1 NO [NONEXISTENT] no such mailbox
)")
