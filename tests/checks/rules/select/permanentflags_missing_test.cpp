#include "tests/checks/rules/select/select_transcripts.h"
#include "tests/support/rule_test.h"

using imapscope::testing::kTaggedOkLineWithOneOmitted;
using imapscope::testing::select_transcript;

// Every required response but one; the rule fires at the tagged OK.
RULE_FIRES(SelectPermanentflagsMissing, "select.permanentflags-missing", Select,
           select_transcript("SELECT", "PERMANENTFLAGS"), kTaggedOkLineWithOneOmitted)

RULE_FIRES(SelectPermanentflagsMissing, "select.permanentflags-missing", Examine,
           select_transcript("EXAMINE", "PERMANENTFLAGS"), kTaggedOkLineWithOneOmitted)

RULE_SILENT(SelectPermanentflagsMissing, "select.permanentflags-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(SelectPermanentflagsMissing, "select.permanentflags-missing", CompleteSelect,
            select_transcript("SELECT", ""))

// A failed SELECT owes none of the data.
RULE_SILENT(SelectPermanentflagsMissing, "select.permanentflags-missing", FailedSelect,
            imapscope::testing::kFailedSelect)
