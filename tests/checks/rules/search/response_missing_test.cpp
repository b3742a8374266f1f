#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

// RFC 3501 §6.4.4: "REQUIRED untagged response: SEARCH", even when nothing matches.
RULE_FIRES(SearchResponseMissing, "search.response-missing", Rev1NoMatch,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 SEARCH FLAGGED
S: a2 OK SEARCH completed
)",
           12)

// RFC 9051 §6.4.4: with no match the ESEARCH response "still MUST" be sent.
RULE_FIRES(SearchResponseMissing, "search.response-missing", Rev2MinNoMatch,
           IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 UID SEARCH RETURN (MIN) DELETED
S: a2 OK SEARCH completed
)",
           12)

RULE_SILENT(SearchResponseMissing, "search.response-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// An empty result is still a response: "* SEARCH" and "* ESEARCH (TAG ...)".
RULE_SILENT(SearchResponseMissing, "search.response-missing", EmptyResults,
            IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 SEARCH FLAGGED
S: * SEARCH
S: a2 OK SEARCH completed
C: a3 SEARCH RETURN () TEXT "string not in mailbox"
S: * ESEARCH (TAG "a3")
S: a3 OK SEARCH completed
)")

// RETURN (SAVE) alone "suppresses any ESEARCH response" (RFC 9051 §6.4.4, RFC 5182); a NO
// returns nothing either.
RULE_SILENT(
    SearchResponseMissing, "search.response-missing", SaveAndFailure,
    IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994
S: a2 OK SEARCH completed
C: a3 FETCH $ (UID)
S: a3 OK FETCH completed
C: a4 SEARCH CHARSET KOI8-R TEXT "x"
S: a4 NO [BADCHARSET (UTF-8)] unsupported charset
)")
