#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string moving(const char* tail) {
  return std::string(R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 MOVE UIDPLUS] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
)") + tail;
}
}  // namespace

RULE_FIRES(UidplusMoveCopyuidMissing, "uidplus.move-copyuid-missing", NoCopyuid,
           moving("C: a2 UID MOVE 42 foo\nS: * 2 EXPUNGE\nS: a2 OK done\n"), 8)

// RFC 6851 §4.3's advice: COPYUID in an untagged OK before the EXPUNGE.
RULE_SILENT(UidplusMoveCopyuidMissing, "uidplus.move-copyuid-missing", UntaggedCopyuid,
            moving("C: a2 UID MOVE 42 foo\nS: * OK [COPYUID 432432 42 1202]\n"
                   "S: * 2 EXPUNGE\nS: a2 OK done\n"))
RULE_SILENT(UidplusMoveCopyuidMissing, "uidplus.move-copyuid-missing", NothingMoved,
            moving("C: a2 UID MOVE 99 foo\nS: a2 OK no messages\n"))
