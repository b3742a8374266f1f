#include "tests/support/rule_test.h"

RULE_FIRES(FetchFlagUndeclared, "fetch.flag-undeclared", KeywordNeverAnnounced, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Junk)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Junk)] Limited
S: * OK [UIDVALIDITY 1] UIDs valid
S: * OK [UIDNEXT 2] Predicted next UID
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 FLAGS
S: * 1 FETCH (FLAGS (\Seen $Junk Project-X))
S: a2 OK done
)",
           12)

RULE_SILENT(FetchFlagUndeclared, "fetch.flag-undeclared", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Declared in FLAGS (case does not matter), a system flag, or a new keyword under "\*"; and a
// later untagged FLAGS that announces the new keyword first.
RULE_SILENT(FetchFlagUndeclared, "fetch.flag-undeclared", DeclaredOrAllowed, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Junk)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Junk)] Limited
S: * OK [UIDVALIDITY 1] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 FLAGS
S: * 1 FETCH (FLAGS (\Seen \Recent $junk))
S: a2 OK done
C: a3 STORE 2 +FLAGS (Project-X)
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Junk Project-X)
S: * 2 FETCH (FLAGS (Project-X))
S: a3 OK done
C: a4 SELECT Archive
S: * 1 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted
S: * OK [UIDVALIDITY 7] UIDs valid
S: * OK [UIDNEXT 2] Predicted next UID
S: * LIST () "/" Archive
S: a4 OK [READ-WRITE] done
C: a5 STORE 1 +FLAGS (Brand-New)
S: * 1 FETCH (FLAGS (Brand-New))
S: a5 OK done
)")
