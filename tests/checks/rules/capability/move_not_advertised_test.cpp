#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityMoveNotAdvertised, "capability.move-not-advertised", MoveWithoutMove,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1 UIDPLUS") R"(C: a2 MOVE 1:2 Archive
S: a2 BAD unknown command
)",
           11)

RULE_FIRES(CapabilityMoveNotAdvertised, "capability.move-not-advertised", UidMoveWithoutMove,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 UID MOVE 4:6 Archive
S: a2 BAD unknown command
)",
           11)

RULE_SILENT(CapabilityMoveNotAdvertised, "capability.move-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityMoveNotAdvertised, "capability.move-not-advertised", MoveAdvertised,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1 MOVE") R"(C: a2 UID MOVE 4:6 Archive
S: * OK [COPYUID 9 4:6 1:3] moved
S: * 1 EXPUNGE
S: * 1 EXPUNGE
S: * 1 EXPUNGE
S: a2 OK done
)")

// IMAP4rev2 includes MOVE (RFC 9051 §6.4.8).
RULE_SILENT(CapabilityMoveNotAdvertised, "capability.move-not-advertised", ImpliedByImap4rev2,
            IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 MOVE 1 Archive
S: * OK [COPYUID 9 4 1] moved
S: * 1 EXPUNGE
S: a2 OK done
)")

// COPY is base IMAP.
RULE_SILENT(CapabilityMoveNotAdvertised, "capability.move-not-advertised", CopyIsBase,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 COPY 1:2 Archive
S: a2 OK done
)")
