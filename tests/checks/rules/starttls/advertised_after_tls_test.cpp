#include "tests/support/rule_test.h"

// A decrypted transcript: the server still lists STARTTLS inside TLS.
RULE_FIRES(StarttlsAdvertisedAfterTls, "starttls.advertised-after-tls", ListedAgain, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a1 STARTTLS
S: a1 OK Begin TLS negotiation now
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev2 STARTTLS AUTH=PLAIN
S: a2 OK done
)",
           6)

RULE_FIRES(StarttlsAdvertisedAfterTls, "starttls.advertised-after-tls", InLoginCode, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a1 STARTTLS
S: a1 OK Begin TLS negotiation now
C: a2 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a2 OK [CAPABILITY IMAP4rev2 STARTTLS IDLE] authenticated
)",
           6)

RULE_SILENT(StarttlsAdvertisedAfterTls, "starttls.advertised-after-tls", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §6.2.1's example; and STARTTLS listed before TLS is what it is for.
RULE_SILENT(StarttlsAdvertisedAfterTls, "starttls.advertised-after-tls", RfcExample, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a001 CAPABILITY
S: * CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED
S: a001 OK CAPABILITY completed
C: a002 STARTTLS
S: a002 OK Begin TLS negotiation now
C: a003 CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=PLAIN
S: a003 OK CAPABILITY completed
C: a004 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=
S: a004 OK Success (tls protection)
)")

// A refused STARTTLS leaves the connection in cleartext, where STARTTLS may still be listed.
RULE_SILENT(StarttlsAdvertisedAfterTls, "starttls.advertised-after-tls", RefusedStarttls, R"(
S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready
C: a1 STARTTLS
S: a1 NO TLS is not available right now
C: a2 CAPABILITY
S: * CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED
S: a2 OK done
)")
