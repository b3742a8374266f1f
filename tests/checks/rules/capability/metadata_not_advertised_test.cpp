#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityMetadataNotAdvertised, "capability.metadata-not-advertised", NoMetadata, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 ACL] ready
C: a1 GETMETADATA "" /shared/comment
S: a1 BAD unknown command
)",
           3)

// METADATA-SERVER covers only server annotations (mailbox "").
RULE_FIRES(CapabilityMetadataNotAdvertised, "capability.metadata-not-advertised",
           MailboxAnnotationWithServerOnly, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 METADATA-SERVER] ready
C: a1 GETMETADATA "" /shared/comment
S: * METADATA "" (/shared/comment "Shared comment")
S: a1 OK done
C: a2 GETMETADATA (MAXSIZE 1024) INBOX /private/comment
S: a2 NO mailbox annotations are not supported
)",
           6)

RULE_SILENT(CapabilityMetadataNotAdvertised, "capability.metadata-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityMetadataNotAdvertised, "capability.metadata-not-advertised",
            ServerAnnotationWithServerOnly, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 METADATA-SERVER] ready
C: a1 SETMETADATA "" (/shared/comment "My comment")
S: a1 OK done
)")

RULE_SILENT(CapabilityMetadataNotAdvertised, "capability.metadata-not-advertised", Advertised,
            R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 METADATA] ready
C: a1 SETMETADATA INBOX (/private/comment "My comment")
S: a1 OK done
)")
