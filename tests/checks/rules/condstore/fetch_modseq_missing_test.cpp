#include "tests/checks/rules/qresync/qresync_sessions.h"
#include "tests/support/rule_test.h"

using imapscope::testing::plain_session;
using imapscope::testing::qresync_session;

RULE_FIRES(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", StoreAnswer,
           qresync_session("C: a3 STORE 1 +FLAGS (\\Seen)\n"
                           "S: * 1 FETCH (UID 4 FLAGS (\\Seen))\n"
                           "S: a3 OK done\n"),
           11)
RULE_FIRES(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", Unsolicited,
           qresync_session("C: a3 NOOP\n"
                           "S: * 2 FETCH (UID 5 FLAGS (\\Deleted))\n"
                           "S: a3 OK done\n"),
           11)

RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", WithModseq,
            qresync_session("C: a3 STORE 1 +FLAGS (\\Seen)\n"
                            "S: * 1 FETCH (UID 4 MODSEQ (91) FLAGS (\\Seen))\n"
                            "S: a3 OK done\n"))
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", FetchAnswer,
            qresync_session("C: a3 FETCH 1 FLAGS\n"
                            "S: * 1 FETCH (FLAGS (\\Seen))\n"
                            "S: a3 OK done\n"))
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", NotAware,
            plain_session("C: a2 STORE 1 +FLAGS (\\Seen)\n"
                          "S: * 1 FETCH (FLAGS (\\Seen))\n"
                          "S: a2 OK done\n"))
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A server that does not list CONDSTORE made nobody CONDSTORE-aware: RFC 7162 §3.1.1.
RULE_SILENT(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", ServerWithoutCondstore,
            std::string(imapscope::testing::kWithoutCondstoreSelected) +
                "C: a3 STORE 1 +FLAGS (\\Seen)\n"
                "S: * 1 FETCH (FLAGS (\\Seen))\n"
                "S: a3 OK done\n")
// After an enabling STATUS the server answered in full, a STORE's FETCH without MODSEQ.
constexpr const char* kEnabledByStatus = R"(C: a1 STATUS INBOX (MESSAGES HIGHESTMODSEQ)
S: * STATUS INBOX (MESSAGES 3 HIGHESTMODSEQ 7)
S: a1 OK done
C: a2 SELECT INBOX
S: * 3 EXISTS
S: * OK [HIGHESTMODSEQ 7] ok
S: a2 OK [READ-WRITE] done
C: a3 STORE 1 +FLAGS (\Seen)
S: * 1 FETCH (FLAGS (\Seen))
S: a3 OK done
)";
// Without a capability list the enabling command's OK is taken at its word.
RULE_FIRES(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", CapabilitiesUnknown,
           std::string("\nS: * PREAUTH ready\n") + kEnabledByStatus, 11)
// A list from before login may have grown since (Dovecot lists CONDSTORE only after login).
RULE_FIRES(CondstoreFetchModseqMissing, "condstore.fetch-modseq-missing", ListFromBeforeLogin,
           std::string("\nS: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\n"
                       "C: a0 LOGIN alice secret\n"
                       "S: a0 OK logged in\n") +
               kEnabledByStatus,
           13)
