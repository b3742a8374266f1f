#include "tests/checks/rules/select/select_transcripts.h"
#include "tests/support/rule_test.h"

using imapscope::testing::kTaggedOkLineWithOneOmitted;
using imapscope::testing::select_transcript;

// Every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectUidvalidityMissing, "select.uidvalidity-missing", Select,
           select_transcript("SELECT", "UIDVALIDITY"), kTaggedOkLineWithOneOmitted)

RULE_FIRES(SelectUidvalidityMissing, "select.uidvalidity-missing", Examine,
           select_transcript("EXAMINE", "UIDVALIDITY"), kTaggedOkLineWithOneOmitted)

RULE_SILENT(SelectUidvalidityMissing, "select.uidvalidity-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectUidvalidityMissing, "select.uidvalidity-missing", CompleteSelect,
            select_transcript("SELECT", ""))

// A failed SELECT owes none of the data.
RULE_SILENT(SelectUidvalidityMissing, "select.uidvalidity-missing", FailedSelect,
            imapscope::testing::kFailedSelect)
