#include "tests/support/rule_test.h"

// RFC 6855 §3: no UTF-8 in quoted strings before ENABLE UTF8=ACCEPT.
RULE_FIRES(TextServer8bitQuoted, "text.server-8bit-quoted", Utf8BeforeEnable, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] ready
C: a1 LIST "" "*"
S: * LIST () "/" INBOX
S: * LIST () "/" "Entwürfe"
S: a1 OK LIST completed
)",
           5)

// RFC 9051 Appendix A: a server offering both versions sends no UTF-8 quoted strings until
// the client enables IMAP4rev2.
RULE_FIRES(TextServer8bitQuoted, "text.server-8bit-quoted", DualServerNotEnabled, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a1 LIST "" "*"
S: * LIST () "/" "Entwürfe"
S: a1 OK LIST completed
)",
           4)

// Under IMAP4rev2 only well-formed UTF-8 is allowed: Latin-1 "Entw\xFCrfe" is not.
RULE_FIRES(TextServer8bitQuoted, "text.server-8bit-quoted", Latin1UnderImap4rev2,
           "\nS: * PREAUTH [CAPABILITY IMAP4rev2] ready\n"
           "C: a1 LIST \"\" \"*\"\n"
           "S: * LIST () \"/\" \"Entw\xfc"
           "rfe\"\n"
           "S: a1 OK LIST completed\n",
           4)

RULE_SILENT(TextServer8bitQuoted, "text.server-8bit-quoted", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(TextServer8bitQuoted, "text.server-8bit-quoted", Utf8AfterEnableUtf8Accept, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] ready
C: a0 ENABLE UTF8=ACCEPT
S: * ENABLED UTF8=ACCEPT
S: a0 OK ENABLE completed
C: a1 LIST "" "*"
S: * LIST () "/" "Entwürfe"
S: a1 OK LIST completed
)")

RULE_SILENT(TextServer8bitQuoted, "text.server-8bit-quoted", Utf8UnderImap4rev2, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 LIST "" "*"
S: * LIST () "/" "Entwürfe"
S: a1 OK LIST completed
)")

// Before the client enables anything the server sends 8-bit names as literals.
RULE_SILENT(TextServer8bitQuoted, "text.server-8bit-quoted", Utf8InLiteral, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 IMAP4rev2] ready
C: a1 LIST "" "*"
S: * LIST () "/" {9}
S: Entwürfe
S: a1 OK LIST completed
)")
