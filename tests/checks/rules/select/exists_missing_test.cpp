#include "tests/checks/rules/select/select_transcripts.h"
#include "tests/support/rule_test.h"

using imapscope::testing::kTaggedOkLineWithOneOmitted;
using imapscope::testing::select_transcript;

// Every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectExistsMissing, "select.exists-missing", Select,
           select_transcript("SELECT", "* 2 EXISTS"), kTaggedOkLineWithOneOmitted)

RULE_FIRES(SelectExistsMissing, "select.exists-missing", Examine,
           select_transcript("EXAMINE", "* 2 EXISTS"), kTaggedOkLineWithOneOmitted)

RULE_SILENT(SelectExistsMissing, "select.exists-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectExistsMissing, "select.exists-missing", CompleteSelect,
            select_transcript("SELECT", ""))

// A failed SELECT owes none of the data.
RULE_SILENT(SelectExistsMissing, "select.exists-missing", FailedSelect,
            imapscope::testing::kFailedSelect)
