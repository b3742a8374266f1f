#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

// The server threads by REFERENCES only.
RULE_FIRES(CapabilityThreadNotAdvertised, "capability.thread-not-advertised", OtherAlgorithm,
           IMAPSCOPE_SELECTED_REV2(
               "IMAP4rev2 SORT THREAD=REFERENCES") R"(C: a2 THREAD ORDEREDSUBJECT UTF-8 ALL
S: a2 BAD unknown algorithm
)",
           11)

RULE_FIRES(CapabilityThreadNotAdvertised, "capability.thread-not-advertised", NoThreadAtAll,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 UID THREAD REFERENCES US-ASCII ALL
S: a2 BAD unknown command
)",
           11)

RULE_SILENT(CapabilityThreadNotAdvertised, "capability.thread-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(
    CapabilityThreadNotAdvertised, "capability.thread-not-advertised", AdvertisedAlgorithm,
    IMAPSCOPE_SELECTED_REV2(
        "IMAP4rev2 THREAD=ORDEREDSUBJECT THREAD=REFERENCES") R"(C: a2 THREAD references UTF-8 ALL
S: * THREAD (1 2 3)
S: a2 OK done
)")
