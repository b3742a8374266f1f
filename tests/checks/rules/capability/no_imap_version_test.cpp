#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityNoImapVersion, "capability.no-imap-version", UntaggedWithoutVersion, R"(
S: * OK ready
C: a1 CAPABILITY
S: * CAPABILITY IDLE AUTH=PLAIN
S: a1 OK done
)",
           4)

RULE_FIRES(CapabilityNoImapVersion, "capability.no-imap-version", GreetingCodeWithoutVersion, R"(
S: * OK [CAPABILITY IDLE STARTTLS] ready
)",
           2)

RULE_SILENT(CapabilityNoImapVersion, "capability.no-imap-version", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityNoImapVersion, "capability.no-imap-version", Rev1Only, R"(
S: * OK [CAPABILITY IMAP4rev1 IDLE] ready
)")

// Capability names are case-insensitive atoms.
RULE_SILENT(CapabilityNoImapVersion, "capability.no-imap-version", LowerCase, R"(
S: * OK [CAPABILITY imap4REV2] ready
)")
