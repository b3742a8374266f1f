#include "tests/support/rule_test.h"

// INBOX selected (RFC 3501 §6.3.1's responses); the next transcript line is line 11.
#define SELECTED                                             \
  "\nS: * PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS MOVE] ready" \
  "\nC: a1 SELECT INBOX"                                     \
  "\nS: * 5 EXISTS"                                          \
  "\nS: * 0 RECENT"                                          \
  "\nS: * FLAGS (\\Seen \\Deleted)"                          \
  "\nS: * OK [PERMANENTFLAGS (\\Seen \\Deleted)] ok"         \
  "\nS: * OK [UIDVALIDITY 7] UIDs valid"                     \
  "\nS: * OK [UIDNEXT 400] Predicted next UID"               \
  "\nS: a1 OK [READ-WRITE] SELECT completed\n"

// Three source messages (304, 319, 320), two destination UIDs.
RULE_FIRES(UidplusCopyuidMismatch, "uidplus.copyuid-mismatch", CopyTaggedOk,
           SELECTED R"(C: A004 COPY 2:4 meeting
S: A004 OK [COPYUID 38505 304,319:320 3956:3957] Done
)",
           12)

RULE_FIRES(UidplusCopyuidMismatch, "uidplus.copyuid-mismatch", MoveUntaggedOk,
           SELECTED R"(C: a2 UID MOVE 300:302 foo
S: * OK [COPYUID 432432 300:302 1202] Moved
S: * 3 EXPUNGE
S: * 3 EXPUNGE
S: * 3 EXPUNGE
S: a2 OK Done
)",
           12)

RULE_SILENT(UidplusCopyuidMismatch, "uidplus.copyuid-mismatch", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 4315 §3's example, and reversed ranges (12:10 is 10,11,12).
RULE_SILENT(UidplusCopyuidMismatch, "uidplus.copyuid-mismatch", RfcExampleAndReversedRange,
            SELECTED R"(C: A004 COPY 2:4 meeting
S: A004 OK [COPYUID 38505 304,319:320 3956:3958] Done
C: a5 UID COPY 10:12 meeting
S: a5 OK [COPYUID 38505 12:10 3961,3959:3960] Done
)")
