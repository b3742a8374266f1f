#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

RULE_FIRES(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing",
           AfterFetchModseq,
           imapscope::testing::plain_session("C: a2 FETCH 1 (MODSEQ)\n"
                                             "S: * 1 FETCH (MODSEQ (5))\n"
                                             "S: a2 OK done\n"
                                             "C: a3 SELECT INBOX\n"
                                             "S: * 3 EXISTS\n"
                                             "S: a3 OK [READ-WRITE] done\n"),
           11)
RULE_FIRES(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing",
           CondstoreParameter, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] ready
C: a1 SELECT INBOX (CONDSTORE)
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
)",
           5)

RULE_SILENT(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing", Highestmodseq,
            imapscope::testing::qresync_session(""))
RULE_SILENT(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing", NotAware,
            imapscope::testing::plain_session(""))
RULE_SILENT(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing", Nomodseq,
            R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] ready
C: a1 SELECT INBOX (CONDSTORE)
S: * 3 EXISTS
S: * OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences
S: a1 OK [READ-WRITE] done
)")

// A server that does not list CONDSTORE made nobody CONDSTORE-aware (RFC 7162 §3.1.1), not
// even with the CONDSTORE parameter it did not answer BAD.
RULE_SILENT(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing",
            ServerWithoutCondstore,
            std::string(imapscope::testing::kWithoutCondstoreSelected) +
                "C: a3 EXAMINE INBOX (CONDSTORE)\n"
                "S: * 3 EXISTS\n"
                "S: a3 OK [READ-ONLY] done\n")
RULE_FIRES(CondstoreSelectModseqCodeMissing, "condstore.select-modseq-code-missing",
           AfterStatusHighestmodseq, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS IDLE CONDSTORE] ready
C: a1 STATUS INBOX (MESSAGES HIGHESTMODSEQ)
S: * STATUS INBOX (MESSAGES 3 HIGHESTMODSEQ 7)
S: a1 OK done
C: a2 SELECT INBOX
S: * 3 EXISTS
S: a2 OK [READ-WRITE] done
)",
           8)
