#include "tests/support/rule_test.h"

// A rev2 SELECT with every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectListMissing, "select.list-missing", Select, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [UIDVALIDITY 3857529045] UIDs valid
S: * OK [UIDNEXT 4392] Predicted next UID
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: a1 OK [READ-WRITE] SELECT completed
)",
           9)

RULE_FIRES(SelectListMissing, "select.list-missing", Examine, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 EXAMINE INBOX
S: * 2 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [UIDVALIDITY 3857529045] UIDs valid
S: * OK [UIDNEXT 4392] Predicted next UID
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: a1 OK [READ-ONLY] EXAMINE completed
)",
           9)

RULE_SILENT(SelectListMissing, "select.list-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectListMissing, "select.list-missing", CompleteSelect, R"(
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
RULE_SILENT(SelectListMissing, "select.list-missing", FailedSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT nosuch
S: a1 NO [NONEXISTENT] no such mailbox
)")

// IMAP4rev1 has no LIST requirement for SELECT.
RULE_SILENT(SelectListMissing, "select.list-missing", Rev1Server, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 0 RECENT
S: * FLAGS (\Seen)
S: a1 OK [READ-WRITE] SELECT completed
)")
