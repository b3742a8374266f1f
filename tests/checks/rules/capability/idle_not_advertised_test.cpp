#include "tests/support/rule_test.h"

RULE_FIRES(CapabilityIdleNotAdvertised, "capability.idle-not-advertised", Rev1WithoutIdle, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 NAMESPACE] ready
C: a1 IDLE
S: a1 BAD unknown command
)",
           3)

// The list that counts is the one after login: here it lacks IDLE.
RULE_FIRES(CapabilityIdleNotAdvertised, "capability.idle-not-advertised", ListedAfterLogin, R"(
S: * OK [CAPABILITY IMAP4rev1 IDLE AUTH=PLAIN] ready
C: a1 LOGIN alice secret
S: a1 OK [CAPABILITY IMAP4rev1 NAMESPACE] logged in
C: a2 IDLE
S: a2 BAD unknown command
)",
           5)

RULE_SILENT(CapabilityIdleNotAdvertised, "capability.idle-not-advertised", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// IMAP4rev2 includes IDLE (RFC 9051 Appendix E).
RULE_SILENT(CapabilityIdleNotAdvertised, "capability.idle-not-advertised", ImpliedByImap4rev2, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 IDLE
S: + idling
C: DONE
S: a1 OK IDLE terminated
)")

// The pre-login list no longer describes the server after LOGIN, and no new list came.
RULE_SILENT(CapabilityIdleNotAdvertised, "capability.idle-not-advertised", StaleListAfterLogin,
            R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
S: a1 OK logged in
C: a2 IDLE
S: + idling
C: DONE
S: a2 OK IDLE terminated
)")

// Pipelined behind LOGIN: the client cannot know the capabilities of the state it runs in.
RULE_SILENT(CapabilityIdleNotAdvertised, "capability.idle-not-advertised", PipelinedBehindLogin,
            R"(
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
C: a2 IDLE
S: a1 OK [CAPABILITY IMAP4rev1 IDLE] logged in
S: + idling
C: DONE
S: a2 OK IDLE terminated
)")
