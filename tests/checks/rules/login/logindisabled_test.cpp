#include "tests/support/rule_test.h"

RULE_FIRES(LoginLogindisabled, "login.logindisabled", LoginDespiteLogindisabled, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready
C: a1 LOGIN alice secret
S: a1 NO [PRIVACYREQUIRED] LOGIN is disabled
)",
           3)

// The list in effect is the latest one: a CAPABILITY response lists LOGINDISABLED.
RULE_FIRES(LoginLogindisabled, "login.logindisabled", ListedByCapability, R"(
S: * OK IMAP4rev2 server ready
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED
S: a1 OK done
C: a2 LOGIN {5}
S: + go on
C: alice {6}
S: + go on
C: secret
S: a2 NO [PRIVACYREQUIRED] LOGIN is disabled
)",
           6)

RULE_SILENT(LoginLogindisabled, "login.logindisabled", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §6.2.1: after STARTTLS the client MUST discard the capabilities it knew, and the
// server lists new ones without LOGINDISABLED.
RULE_SILENT(LoginLogindisabled, "login.logindisabled", LoginAfterStarttls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] Server ready
C: a1 STARTTLS
S: a1 OK Begin TLS negotiation now
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=PLAIN
S: a2 OK done
C: a3 LOGIN alice secret
S: a3 OK LOGIN completed
)")

// The pre-TLS list no longer counts even when the client does not ask again.
RULE_SILENT(LoginLogindisabled, "login.logindisabled", LoginAfterStarttlsWithoutRelisting, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] Server ready
C: a1 STARTTLS
S: a1 OK Begin TLS negotiation now
C: a2 LOGIN alice secret
S: a2 OK LOGIN completed
)")
