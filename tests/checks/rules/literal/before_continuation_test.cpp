#include "tests/support/rule_test.h"

// The octets of {5} follow the announcement at once: LITERAL+ does not make that right, only
// the {5+} form would.
RULE_FIRES(LiteralBeforeContinuation, "literal.before-continuation", OctetsWithoutWaiting, R"(
S: * OK [CAPABILITY IMAP4rev2 LITERAL+] ready
C: a1 LOGIN {5}
C: alice secret
S: a1 OK LOGIN completed
)",
           3)

// RFC 9051 §7.6's example, with the client not waiting for the second continuation request.
RULE_FIRES(LiteralBeforeContinuation, "literal.before-continuation", SecondLiteralEarly, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: A001 LOGIN {11}
S: + Ready for additional command text
C: FRED FOOBAR {7}
C: fat man
S: A001 OK LOGIN completed
)",
           3)

RULE_SILENT(LiteralBeforeContinuation, "literal.before-continuation", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(LiteralBeforeContinuation, "literal.before-continuation", WaitsForEachContinuation,
            R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: A001 LOGIN {11}
S: + Ready for additional command text
C: FRED FOOBAR {7}
S: + Ready for additional command text
C: fat man
S: A001 OK LOGIN completed
)")

// RFC 7888 §3: non-synchronizing literals need no continuation request.
RULE_SILENT(LiteralBeforeContinuation, "literal.before-continuation", NonSynchronizing, R"(
S: * OK [CAPABILITY IMAP4rev1 LITERAL+] ready
C: A001 LOGIN {11+}
C: FRED FOOBAR {7+}
C: fat man
S: A001 OK LOGIN completed
)")

// RFC 9051 §7.6: the server rejects the command instead; the client sends no octets.
RULE_SILENT(LiteralBeforeContinuation, "literal.before-continuation", RejectedBeforeOctets, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: A044 BLURDYBLOOP {102856}
S: A044 BAD No such command as "BLURDYBLOOP"
)")

// Untagged data between the announcement and the "+" does not release the literal.
RULE_SILENT(LiteralBeforeContinuation, "literal.before-continuation", UntaggedBeforeContinuation,
            R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 SEARCH SUBJECT {5}
S: * 2 EXISTS
S: + go ahead
C: hello
S: * ESEARCH (TAG "a2") ALL 1
S: a2 OK done
)")
