#include "tests/support/rule_test.h"

namespace {
constexpr const char* kEnabled = R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 QRESYNC] ready
C: a0 ENABLE QRESYNC
S: * ENABLED QRESYNC
S: a0 OK enabled
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 EXPUNGE
)";
std::string with(const char* tail) {
  return std::string(kEnabled) + tail;
}
}  // namespace

RULE_FIRES(QresyncExpungeAfterEnable, "qresync.expunge-after-enable", Expunge,
           with("S: * 2 EXPUNGE\nS: a2 OK done\n"), 10)

RULE_SILENT(QresyncExpungeAfterEnable, "qresync.expunge-after-enable", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(QresyncExpungeAfterEnable, "qresync.expunge-after-enable", Vanished,
            with("S: * VANISHED 20\nS: a2 OK done\n"))

// Without ENABLE QRESYNC, EXPUNGE is the right response.
RULE_SILENT(QresyncExpungeAfterEnable, "qresync.expunge-after-enable", NotEnabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 QRESYNC] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 EXPUNGE
S: * 2 EXPUNGE
S: a2 OK done
)")
