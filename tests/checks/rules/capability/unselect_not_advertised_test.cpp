#include "tests/checks/rules/selected_transcript.h"
#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityUnselectNotAdvertised, "capability.unselect-not-advertised",
           Rev1WithoutUnselect, IMAPSCOPE_SELECTED_REV1("IMAP4rev1 IDLE") R"(C: a2 UNSELECT
S: a2 BAD unknown command
)",
           11)

RULE_SILENT(CapabilityUnselectNotAdvertised, "capability.unselect-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityUnselectNotAdvertised, "capability.unselect-not-advertised", Advertised,
            IMAPSCOPE_SELECTED_REV1("IMAP4rev1 UNSELECT") R"(C: a2 UNSELECT
S: a2 OK done
)")

// IMAP4rev2 includes UNSELECT (RFC 9051 §6.4.2); CLOSE is base IMAP.
RULE_SILENT(CapabilityUnselectNotAdvertised, "capability.unselect-not-advertised",
            ImpliedByImap4rev2, IMAPSCOPE_SELECTED_REV2("IMAP4rev2") R"(C: a2 UNSELECT
S: a2 OK done
C: a3 SELECT INBOX
S: * 3 EXISTS
S: * FLAGS (\Seen \Deleted)
S: * OK [PERMANENTFLAGS (\Seen \Deleted)] ok
S: * OK [UIDVALIDITY 7] UIDs valid
S: * OK [UIDNEXT 10] Predicted next UID
S: * LIST () "/" INBOX
S: a3 OK [READ-WRITE] SELECT completed
C: a4 CLOSE
S: a4 OK done
)")
