#include "tests/checks/rules/select/select_transcripts.h"
#include "tests/support/rule_test.h"

using imapscope::testing::kTaggedOkLineWithOneOmitted;
using imapscope::testing::select_transcript;

// Every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectUidnextMissing, "select.uidnext-missing", Select,
           select_transcript("SELECT", "UIDNEXT"), kTaggedOkLineWithOneOmitted)

RULE_FIRES(SelectUidnextMissing, "select.uidnext-missing", Examine,
           select_transcript("EXAMINE", "UIDNEXT"), kTaggedOkLineWithOneOmitted)

RULE_SILENT(SelectUidnextMissing, "select.uidnext-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectUidnextMissing, "select.uidnext-missing", CompleteSelect,
            select_transcript("SELECT", ""))

// A failed SELECT owes none of the data.
RULE_SILENT(SelectUidnextMissing, "select.uidnext-missing", FailedSelect,
            imapscope::testing::kFailedSelect)
