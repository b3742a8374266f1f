#include "tests/support/rule_test.h"

RULE_FIRES(TagSyntax, "tag.syntax", TagWithPlus, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a+1 NOOP
S: * BAD tag has a '+'
)",
           3)

RULE_FIRES(TagSyntax, "tag.syntax", TagWithWildcard, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 OK done
C: a*2 NOOP
)",
           5)

RULE_FIRES(TagSyntax, "tag.syntax", EmptyTag, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C:  NOOP
)",
           3)

RULE_SILENT(TagSyntax, "tag.syntax", CorrectSession, imapscope::testing::kCorrectRev2Session)

// ']' is an ASTRING-CHAR and so allowed in a tag (RFC 9051 §9).
RULE_SILENT(TagSyntax, "tag.syntax", BracketInTag, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a]1 NOOP
S: a]1 OK done
)")
