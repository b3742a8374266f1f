#include "tests/support/rule_test.h"

RULE_FIRES(ContinuationUnexpected, "continuation.unexpected", DuringNoop, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: + go ahead
S: a1 OK done
)",
           4)

// One literal takes one continuation request; a second has nothing to answer.
RULE_FIRES(ContinuationUnexpected, "continuation.unexpected", SecondForOneLiteral, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LOGIN alice {6}
S: + ready
S: + ready again
C: secret
S: a1 OK done
)",
           5)

RULE_SILENT(ContinuationUnexpected, "continuation.unexpected", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(ContinuationUnexpected, "continuation.unexpected", AuthenticateExchange, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: +
C: AGFsaWNlAHNlY3JldA==
S: a1 OK done
)")

RULE_SILENT(ContinuationUnexpected, "continuation.unexpected", TwoLiteralsTwoContinuations, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: A001 LOGIN {11}
S: + Ready for additional command text
C: FRED FOOBAR {7}
S: + Ready for additional command text
C: fat man
S: A001 OK LOGIN completed
)")
