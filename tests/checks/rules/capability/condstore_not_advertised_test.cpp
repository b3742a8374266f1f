#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised", ChangedSince,
           IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)
S: a2 BAD unknown fetch modifier
)",
           11)

RULE_FIRES(
    CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised", UnchangedSince,
    IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 STORE 1 (UNCHANGEDSINCE 320162338) +FLAGS (\Seen)
S: a2 BAD unknown store modifier
)",
    11)

RULE_FIRES(CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised", ModseqSearchKey,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 SEARCH UNSEEN
S: * SEARCH 2
S: a2 OK done
C: a3 SEARCH OR FLAGGED (MODSEQ 620162338)
S: a3 BAD unknown search key
)",
           14)

RULE_SILENT(CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(
    CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised", Advertised,
    IMAPSCOPE_SELECTED_REV1("IMAP4rev1 CONDSTORE") R"(C: a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)
S: * 1 FETCH (FLAGS (\Seen) MODSEQ (12346))
S: a2 OK done
)")

// RFC 7162 §3.2.3: QRESYNC "implies support for the CONDSTORE IMAP extension even if the
// "CONDSTORE" capability isn't advertised".
RULE_SILENT(CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised",
            ImpliedByQresync,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1 QRESYNC") R"(C: a2 FETCH 1:* (FLAGS MODSEQ)
S: * 1 FETCH (FLAGS (\Seen) MODSEQ (12346))
S: a2 OK done
)")

// A search string or header name that reads MODSEQ is not the MODSEQ search key.
RULE_SILENT(CapabilityCondstoreNotAdvertised, "capability.condstore-not-advertised",
            ModseqAsSearchArgument,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 SEARCH SUBJECT MODSEQ HEADER MODSEQ x
S: * SEARCH
S: a2 OK done
)")
