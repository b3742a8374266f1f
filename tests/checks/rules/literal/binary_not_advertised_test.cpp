#include "tests/support/rule_test.h"

// RFC 9051 Appendix B: IMAP4rev2 has only the FETCH side of BINARY, not APPEND's literal8.
RULE_FIRES(LiteralBinaryNotAdvertised, "literal.binary-not-advertised", Imap4rev2WithoutBinary,
           R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 APPEND INBOX ~{0}
C:
S: a1 BAD [CLIENTBUG] BINARY is not supported
)",
           3)

RULE_FIRES(LiteralBinaryNotAdvertised, "literal.binary-not-advertised", Imap4rev1WithoutBinary,
           R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready
C: a1 APPEND INBOX (\Seen) ~{0}
C:
S: a1 BAD unexpected literal8
)",
           3)

RULE_SILENT(LiteralBinaryNotAdvertised, "literal.binary-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(LiteralBinaryNotAdvertised, "literal.binary-not-advertised", BinaryAdvertised, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 BINARY] ready
C: a1 APPEND INBOX ~{0}
C:
S: a1 OK APPEND completed
)")

// The server's literal8 in a FETCH BINARY answer is part of IMAP4rev2 itself.
RULE_SILENT(LiteralBinaryNotAdvertised, "literal.binary-not-advertised", ServerLiteral8, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 BINARY[1]
S: * 1 FETCH (BINARY[1] ~{5}
S: abc
S: )
S: a2 OK FETCH completed
)")
