#include "tests/checks/rules/select/select_transcripts.h"
#include "tests/support/rule_test.h"

using imapscope::testing::kTaggedOkLineWithOneOmitted;
using imapscope::testing::select_transcript;

// Every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectListMissing, "select.list-missing", Select, select_transcript("SELECT", "* LIST"),
           kTaggedOkLineWithOneOmitted)

RULE_FIRES(SelectListMissing, "select.list-missing", Examine,
           select_transcript("EXAMINE", "* LIST"), kTaggedOkLineWithOneOmitted)

RULE_SILENT(SelectListMissing, "select.list-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectListMissing, "select.list-missing", CompleteSelect,
            select_transcript("SELECT", ""))

// A failed SELECT owes none of the data.
RULE_SILENT(SelectListMissing, "select.list-missing", FailedSelect,
            imapscope::testing::kFailedSelect)

// IMAP4rev1 has no LIST requirement for SELECT.
RULE_SILENT(SelectListMissing, "select.list-missing", Rev1Server, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * 0 RECENT
S: * FLAGS (\Seen)
S: a1 OK [READ-WRITE] SELECT completed
)")
