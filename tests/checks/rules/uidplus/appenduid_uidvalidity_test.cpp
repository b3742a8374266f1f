#include "tests/support/rule_test.h"

// INBOX (UIDVALIDITY 3857529045) selected with RFC 9051 §6.3.2's responses; the next
// transcript line is line 11.
#define INBOX_SELECTED                                   \
  "\nS: * PREAUTH [CAPABILITY IMAP4rev2 LITERAL+] ready" \
  "\nC: a1 SELECT INBOX"                                 \
  "\nS: * 2 EXISTS"                                      \
  "\nS: * FLAGS (\\Seen \\Deleted)"                      \
  "\nS: * OK [PERMANENTFLAGS (\\Seen \\Deleted)] ok"     \
  "\nS: * OK [UIDVALIDITY 3857529045] UIDs valid"        \
  "\nS: * OK [UIDNEXT 4392] Predicted next UID"          \
  "\nS: * LIST () \"/\" INBOX"                           \
  "\nS: a1 OK [READ-WRITE] SELECT completed\n"

RULE_FIRES(UidplusAppenduidUidvalidity, "uidplus.appenduid-uidvalidity", SelectedInbox,
           INBOX_SELECTED R"(C: a2 APPEND "inbox" {7+}
C: hello
C:
S: * 3 EXISTS
S: a2 OK [APPENDUID 38505 4392] APPEND completed
)",
           15)

RULE_SILENT(UidplusAppenduidUidvalidity, "uidplus.appenduid-uidvalidity", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// The right UIDVALIDITY; another mailbox has its own (RFC 9051 §6.3.12's example).
RULE_SILENT(UidplusAppenduidUidvalidity, "uidplus.appenduid-uidvalidity", RightOrOtherMailbox,
            INBOX_SELECTED R"(C: a2 APPEND INBOX {7+}
C: hello
C:
S: * 3 EXISTS
S: a2 OK [APPENDUID 3857529045 4392] APPEND completed
C: A003 APPEND saved-messages (\Seen) {7+}
C: hello
C:
S: A003 OK [APPENDUID 38505 3955] APPEND completed
)")

// A name that differs only in letter case may be another mailbox on a case-sensitive server
// (RFC 9051 §5.1): "Sent" is selected, "sent" is appended to.
RULE_SILENT(UidplusAppenduidUidvalidity, "uidplus.appenduid-uidvalidity", NotSurelySelected,
            INBOX_SELECTED R"(C: a2 SELECT Sent
S: * OK [CLOSED] Previous mailbox is now closed
S: * 0 EXISTS
S: * FLAGS (\Seen \Deleted)
S: * OK [PERMANENTFLAGS (\Seen \Deleted)] ok
S: * OK [UIDVALIDITY 5] UIDs valid
S: * OK [UIDNEXT 1] Predicted next UID
S: * LIST () "/" Sent
S: a2 OK [READ-WRITE] SELECT completed
C: a3 APPEND sent {7+}
C: hello
C:
S: a3 OK [APPENDUID 6 1] APPEND completed
)")
