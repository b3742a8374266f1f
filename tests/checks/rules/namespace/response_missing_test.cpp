#include "tests/support/rule_test.h"

RULE_FIRES(NamespaceResponseMissing, "namespace.response-missing", OkWithoutNamespace, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: A001 NAMESPACE
S: A001 OK NAMESPACE command completed
)",
           4)

RULE_SILENT(NamespaceResponseMissing, "namespace.response-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §6.3.10's example 1, and a NO, which needs no NAMESPACE response.
RULE_SILENT(NamespaceResponseMissing, "namespace.response-missing", RfcExampleAndFailure, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: A001 NAMESPACE
S: * NAMESPACE (("" "/")) NIL NIL
S: A001 OK NAMESPACE command completed
C: A002 NAMESPACE
S: A002 NO Can't complete the command
)")
