#include "tests/checks/rules/select/select_transcripts.h"
#include "tests/support/rule_test.h"

using imapscope::testing::kTaggedOkLineWithOneOmitted;
using imapscope::testing::select_transcript;

// Every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectFlagsMissing, "select.flags-missing", Select,
           select_transcript("SELECT", "* FLAGS"), kTaggedOkLineWithOneOmitted)

RULE_FIRES(SelectFlagsMissing, "select.flags-missing", Examine,
           select_transcript("EXAMINE", "* FLAGS"), kTaggedOkLineWithOneOmitted)

RULE_SILENT(SelectFlagsMissing, "select.flags-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectFlagsMissing, "select.flags-missing", CompleteSelect,
            select_transcript("SELECT", ""))

// A failed SELECT owes none of the data.
RULE_SILENT(SelectFlagsMissing, "select.flags-missing", FailedSelect,
            imapscope::testing::kFailedSelect)
