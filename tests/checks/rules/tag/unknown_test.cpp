#include "tests/support/rule_test.h"

RULE_FIRES(TagUnknown, "tag.unknown", CompletionForUnsentTag, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK done
S: zz9 OK nothing asked for this
)",
           5)

RULE_SILENT(TagUnknown, "tag.unknown", CorrectSession, imapscope::testing::kCorrectRev2Session)

// The server may answer pipelined commands in any order.
RULE_SILENT(TagUnknown, "tag.unknown", OutOfOrderCompletions, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
C: a2 NOOP
S: a2 OK done
S: a1 OK done
)")

// A syntactically broken command with a readable tag is still answered by that tag.
RULE_SILENT(TagUnknown, "tag.unknown", BadForBrokenCommand, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP (
S: a1 BAD unbalanced parenthesis
)")
