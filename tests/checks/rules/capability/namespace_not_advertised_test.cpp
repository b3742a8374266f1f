#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityNamespaceNotAdvertised, "capability.namespace-not-advertised",
           Rev1WithoutNamespace, R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
S: a1 OK [CAPABILITY IMAP4rev1 IDLE UIDPLUS] logged in
C: a2 NAMESPACE
S: a2 BAD unknown command
)",
           5)

RULE_SILENT(CapabilityNamespaceNotAdvertised, "capability.namespace-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// IMAP4rev2 includes NAMESPACE (RFC 9051 §6.3.10).
RULE_SILENT(CapabilityNamespaceNotAdvertised, "capability.namespace-not-advertised",
            ImpliedByImap4rev2, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
S: a1 OK [CAPABILITY IMAP4rev2] logged in
C: a2 NAMESPACE
S: * NAMESPACE (("" "/")) NIL NIL
S: a2 OK done
)")

// Only NAMESPACE is judged; the server listed it after login.
RULE_SILENT(CapabilityNamespaceNotAdvertised, "capability.namespace-not-advertised",
            ListedAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
S: a1 OK [CAPABILITY IMAP4rev1 NAMESPACE] logged in
C: a2 NAMESPACE
S: * NAMESPACE (("" "/")) NIL NIL
S: a2 OK done
)")
