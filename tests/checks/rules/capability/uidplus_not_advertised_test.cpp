#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityUidplusNotAdvertised, "capability.uidplus-not-advertised", UidExpunge,
           IMAPSCOPE_SELECTED_REV1("IMAP4rev1 MOVE") R"(C: a2 UID EXPUNGE 7:8
S: a2 BAD unknown command
)",
           11)

RULE_SILENT(CapabilityUidplusNotAdvertised, "capability.uidplus-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityUidplusNotAdvertised, "capability.uidplus-not-advertised", Advertised,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1 UIDPLUS") R"(C: a2 UID EXPUNGE 7:8
S: * 1 EXPUNGE
S: a2 OK done
)")

// IMAP4rev2 includes UID EXPUNGE (RFC 9051 §6.4.9).
RULE_SILENT(CapabilityUidplusNotAdvertised, "capability.uidplus-not-advertised", ImpliedByImap4rev2,
            IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 UID EXPUNGE 7:8
S: * 1 EXPUNGE
S: a2 OK done
)")

// Plain EXPUNGE and other UID commands are base IMAP.
RULE_SILENT(CapabilityUidplusNotAdvertised, "capability.uidplus-not-advertised", BaseCommands,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1") R"(C: a2 UID STORE 7 +FLAGS (\Deleted)
S: * 1 FETCH (UID 7 FLAGS (\Deleted))
S: a2 OK done
C: a3 EXPUNGE
S: * 1 EXPUNGE
S: a3 OK done
)")
