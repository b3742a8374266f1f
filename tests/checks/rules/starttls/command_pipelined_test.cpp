#include "tests/support/rule_test.h"

// The STARTTLS command injection pattern: a command right behind STARTTLS, in cleartext.
RULE_FIRES(StarttlsCommandPipelined, "starttls.command-pipelined", CommandBehindStarttls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a1 STARTTLS
C: a2 CAPABILITY
S: a1 OK Begin TLS negotiation now
)",
           4)

RULE_FIRES(StarttlsCommandPipelined, "starttls.command-pipelined", AfterTheServerAnsweredOthers,
           R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a1 NOOP
C: a2 STARTTLS
S: a1 OK done
C: a3 LOGIN alice secret
S: a2 OK Begin TLS negotiation now
)",
           6)

RULE_SILENT(StarttlsCommandPipelined, "starttls.command-pipelined", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// Commands after STARTTLS's response are fine (this transcript is decrypted), and so is
// anything pipelined before STARTTLS.
RULE_SILENT(StarttlsCommandPipelined, "starttls.command-pipelined", AfterTheResponse, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a0 CAPABILITY
C: a1 STARTTLS
S: * CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED
S: a0 OK done
S: a1 OK Begin TLS negotiation now
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=PLAIN
S: a2 OK done
)")
