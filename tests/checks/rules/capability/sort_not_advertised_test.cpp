#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

RULE_FIRES(
    CapabilitySortNotAdvertised, "capability.sort-not-advertised", SortWithoutSort,
    IMAPSCOPE_SELECTED_REV2("IMAP4rev2 ESORT THREAD=REFERENCES") R"(C: a2 SORT (DATE) UTF-8 ALL
S: a2 BAD unknown command
)",
    11)

RULE_SILENT(CapabilitySortNotAdvertised, "capability.sort-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 5256 §1: any capability that starts with SORT indicates the base level.
RULE_SILENT(
    CapabilitySortNotAdvertised, "capability.sort-not-advertised", SortDisplay,
    IMAPSCOPE_SELECTED_REV2("IMAP4rev2 SORT=DISPLAY") R"(C: a2 UID SORT (REVERSE ARRIVAL) UTF-8 ALL
S: * SORT 9 8 7
S: a2 OK done
)")
