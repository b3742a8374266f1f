#include "tests/support/rule_test.h"

RULE_FIRES(StateCommandNotAllowed, "state.command-not-allowed", FetchWithoutSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 FETCH 1 FLAGS
S: a1 BAD no mailbox selected
)",
           3)

RULE_FIRES(StateCommandNotAllowed, "state.command-not-allowed", SelectBeforeLogin, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: a1 NO log in first
)",
           3)

RULE_FIRES(StateCommandNotAllowed, "state.command-not-allowed", LoginWhenAuthenticated, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 LOGIN alice secret
S: a1 BAD already authenticated
)",
           3)

RULE_SILENT(StateCommandNotAllowed, "state.command-not-allowed", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §5.5: a client may pipeline SELECT behind LOGIN.
RULE_SILENT(StateCommandNotAllowed, "state.command-not-allowed", PipelinedAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LOGIN alice secret
C: a2 SELECT INBOX
C: a3 FETCH 1 FLAGS
S: a1 OK done
S: * 1 EXISTS
S: a2 OK [READ-WRITE] done
S: * 1 FETCH (FLAGS ())
S: a3 OK done
)")

// Experimental commands are not judged by state (RFC 9051 §6.5).
RULE_SILENT(StateCommandNotAllowed, "state.command-not-allowed", XCommand, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 XAPPLEPUSHSERVICE foo
S: a1 BAD unknown
)")
