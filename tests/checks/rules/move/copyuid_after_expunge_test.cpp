#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string moving(const char* tail) {
  return std::string(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: * OK [UIDVALIDITY 1] ok
S: * OK [UIDNEXT 50] ok
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:3 UID
S: * 1 FETCH (UID 40)
S: * 2 FETCH (UID 42)
S: * 3 FETCH (UID 43)
S: a2 OK done
)") + tail;
}
}  // namespace

RULE_FIRES(MoveCopyuidAfterExpunge, "move.copyuid-after-expunge", CopyuidInTaggedOk,
           moving("C: a3 UID MOVE 42 foo\nS: * 2 EXPUNGE\nS: a3 OK [COPYUID 7 42 1202] done\n"), 15)

// RFC 9051 §6.4.8 example.
RULE_SILENT(MoveCopyuidAfterExpunge, "move.copyuid-after-expunge", CopyuidFirst,
            moving("C: a3 UID MOVE 42 foo\nS: * OK [COPYUID 7 42 1202]\nS: * 2 EXPUNGE\n"
                   "S: a3 OK done\n"))
// "the server may send unrelated EXPUNGE responses as well" (§6.4.8).
RULE_SILENT(MoveCopyuidAfterExpunge, "move.copyuid-after-expunge", UnrelatedExpunge,
            moving("C: a3 UID MOVE 42 foo\nS: * 3 EXPUNGE\nS: * OK [COPYUID 7 42 1202]\n"
                   "S: * 2 EXPUNGE\nS: a3 OK done\n"))
