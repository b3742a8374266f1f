#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityAclNotAdvertised, "capability.acl-not-advertised", MyrightsWithoutAcl, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 QUOTA] ready
C: a1 MYRIGHTS INBOX
S: a1 BAD unknown command
)",
           3)

RULE_SILENT(CapabilityAclNotAdvertised, "capability.acl-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityAclNotAdvertised, "capability.acl-not-advertised", Advertised, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 ACL RIGHTS=texk] ready
C: a1 GETACL INBOX
S: * ACL INBOX alice lrswipkxtecda
S: a1 OK done
C: a2 MYRIGHTS INBOX
S: * MYRIGHTS INBOX lrswipkxtecda
S: a2 OK done
)")
