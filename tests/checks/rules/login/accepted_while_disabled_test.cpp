#include "tests/support/rule_test.h"

RULE_FIRES(LoginAcceptedWhileDisabled, "login.accepted-while-disabled", OkDespiteLogindisabled,
           R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready
C: a1 LOGIN alice secret
S: a1 OK LOGIN completed
)",
           4)

RULE_SILENT(LoginAcceptedWhileDisabled, "login.accepted-while-disabled", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// The expected answer.
RULE_SILENT(LoginAcceptedWhileDisabled, "login.accepted-while-disabled", Refused, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready
C: a1 LOGIN alice secret
S: a1 NO [PRIVACYREQUIRED] LOGIN is disabled
)")

// After STARTTLS LOGINDISABLED from before TLS no longer applies.
RULE_SILENT(LoginAcceptedWhileDisabled, "login.accepted-while-disabled", AcceptedAfterStarttls,
            R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] Server ready
C: a1 STARTTLS
S: a1 OK Begin TLS negotiation now
C: a2 LOGIN alice secret
S: a2 OK LOGIN completed
)")
