#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string nomodseq_session(const char* tail) {
  return std::string(R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: * OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences
S: a1 OK [READ-WRITE] done
)") + tail;
}
}  // namespace

RULE_FIRES(CondstoreNomodseqCommandAccepted, "condstore.nomodseq-command-accepted", Changedsince,
           nomodseq_session("C: a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 5)\nS: a2 OK done\n"), 8)
RULE_FIRES(CondstoreNomodseqCommandAccepted, "condstore.nomodseq-command-accepted", Unchangedsince,
           nomodseq_session("C: a2 STORE 1 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)\nS: a2 OK done\n"), 8)

RULE_SILENT(CondstoreNomodseqCommandAccepted, "condstore.nomodseq-command-accepted",
            RejectedWithBad,
            nomodseq_session("C: a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 5)\nS: a2 BAD no\n"))
RULE_SILENT(CondstoreNomodseqCommandAccepted, "condstore.nomodseq-command-accepted", ModseqMailbox,
            R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: * OK [HIGHESTMODSEQ 7] ok
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 5)
S: a2 OK done
)")
