#include "tests/support/rule_test.h"

RULE_FIRES(SyntaxCommand, "syntax.command", UnbalancedParenthesis, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 FETCH 1 (FLAGS
S: a1 BAD missing ')'
)",
           3)

RULE_FIRES(SyntaxCommand, "syntax.command", DoubleSpace, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1  NOOP
S: a1 BAD extra space
)",
           3)

RULE_FIRES(SyntaxCommand, "syntax.command", UnterminatedQuoted, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LOGIN "alice secret
S: a1 BAD unterminated string
)",
           3)

RULE_SILENT(SyntaxCommand, "syntax.command", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
