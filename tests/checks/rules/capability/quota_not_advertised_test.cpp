#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityQuotaNotAdvertised, "capability.quota-not-advertised", NoQuota, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 ACL] ready
C: a1 GETQUOTAROOT INBOX
S: a1 BAD unknown command
)",
           3)

// RFC 9208 §1: a server of that RFC that implements SETQUOTA "MUST also return the "QUOTASET"
// capability".
RULE_FIRES(CapabilityQuotaNotAdvertised, "capability.quota-not-advertised", SetquotaWithoutQuotaset,
           R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 QUOTA QUOTA=RES-STORAGE] ready
C: a1 GETQUOTA ""
S: * QUOTA "" (STORAGE 10 512)
S: a1 OK done
C: a2 SETQUOTA "" (STORAGE 1024)
S: a2 BAD unknown command
)",
           6)

RULE_SILENT(CapabilityQuotaNotAdvertised, "capability.quota-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityQuotaNotAdvertised, "capability.quota-not-advertised", Advertised, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 QUOTA QUOTA=RES-STORAGE QUOTASET] ready
C: a1 GETQUOTAROOT INBOX
S: * QUOTAROOT INBOX ""
S: * QUOTA "" (STORAGE 10 512)
S: a1 OK done
C: a2 SETQUOTA "" (STORAGE 1024)
S: * QUOTA "" (STORAGE 10 1024)
S: a2 OK done
)")

// An RFC 2087 server lists just QUOTA, and SETQUOTA is part of it.
RULE_SILENT(CapabilityQuotaNotAdvertised, "capability.quota-not-advertised", Rfc2087Server, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 QUOTA] ready
C: a1 SETQUOTA "" (STORAGE 1024)
S: * QUOTA "" (STORAGE 10 1024)
S: a1 OK done
)")
