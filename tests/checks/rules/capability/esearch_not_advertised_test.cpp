#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityEsearchNotAdvertised, "capability.esearch-not-advertised", MinWithoutEsearch,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1 UIDPLUS") R"(C: a2 SEARCH RETURN (MIN COUNT) UNSEEN
S: a2 BAD unknown search option
)",
           11)

// "RETURN ()" means ALL (RFC 4731 §3.1).
RULE_FIRES(CapabilityEsearchNotAdvertised, "capability.esearch-not-advertised", EmptyReturnList,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 UID SEARCH RETURN () DELETED
S: a2 BAD unknown search option
)",
           11)

RULE_SILENT(CapabilityEsearchNotAdvertised, "capability.esearch-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityEsearchNotAdvertised, "capability.esearch-not-advertised", Advertised,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1 ESEARCH") R"(C: a2 SEARCH RETURN (MIN COUNT) UNSEEN
S: * ESEARCH (TAG "a2") MIN 2 COUNT 1
S: a2 OK done
)")

// IMAP4rev2 includes ESEARCH (RFC 9051 §6.4.4).
RULE_SILENT(CapabilityEsearchNotAdvertised, "capability.esearch-not-advertised", ImpliedByImap4rev2,
            IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 SEARCH RETURN (ALL) UNSEEN
S: * ESEARCH (TAG "a2") ALL 2
S: a2 OK done
)")

// A plain SEARCH is base IMAP; RETURN (SAVE) alone is SEARCHRES (RFC 5182), whose servers
// "MUST also implement the [ESEARCH] extension".
RULE_SILENT(CapabilityEsearchNotAdvertised, "capability.esearch-not-advertised", PlainSearchAndSave,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1 SEARCHRES") R"(C: a2 SEARCH UNSEEN
S: * SEARCH 2
S: a2 OK done
C: a3 SEARCH RETURN (SAVE) UNSEEN
S: a3 OK done
C: a4 SEARCH RETURN (COUNT) UNSEEN
S: * ESEARCH (TAG "a4") COUNT 1
S: a4 OK done
)")
