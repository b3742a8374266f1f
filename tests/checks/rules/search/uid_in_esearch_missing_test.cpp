#include "tests/support/rule_test.h"

RULE_FIRES(SearchUidInEsearchMissing, "search.uid-in-esearch-missing", NoUidIndicator, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 1] ok
S: * OK [UIDNEXT 40] ok
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] done
C: a2 UID SEARCH UNSEEN
S: * ESEARCH (TAG "a2") ALL 10:12
S: a2 OK done
)",
           11)

RULE_SILENT(SearchUidInEsearchMissing, "search.uid-in-esearch-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Near misses: UID SEARCH with the indicator, and plain SEARCH without it.
RULE_SILENT(SearchUidInEsearchMissing, "search.uid-in-esearch-missing", WithIndicator, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: * FLAGS (\Seen)
S: * OK [UIDVALIDITY 1] ok
S: * OK [UIDNEXT 40] ok
S: * LIST () "/" INBOX
S: a1 OK [READ-WRITE] done
C: a2 UID SEARCH UNSEEN
S: * ESEARCH (TAG "a2") UID ALL 10:12
S: a2 OK done
C: a3 SEARCH UNSEEN
S: * ESEARCH (TAG "a3") ALL 1:3
S: a3 OK done
)")
