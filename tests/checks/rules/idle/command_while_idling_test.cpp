#include "tests/support/rule_test.h"

namespace {
constexpr const char* kSelected = R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
)";
std::string session(const char* tail) {
  return std::string(kSelected) + tail;
}
}  // namespace

RULE_FIRES(IdleCommandWhileIdling, "idle.command-while-idling", NoopWhileIdling,
           session(R"(C: a2 IDLE
S: + idling
C: a3 NOOP
C: DONE
S: a2 OK IDLE terminated
)"),
           8)

// RFC 9051 §2.2.1: a new command waits until IDLE is complete, "+" or not.
RULE_FIRES(IdleCommandWhileIdling, "idle.command-while-idling", PipelinedBehindIdle,
           session(R"(C: a2 IDLE
C: a3 FETCH 1 FLAGS
S: + idling
C: DONE
S: a2 OK IDLE terminated
)"),
           7)

RULE_SILENT(IdleCommandWhileIdling, "idle.command-while-idling", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// DONE ends IDLE; the next command may follow before IDLE's tagged OK. DONE is not
// case-sensitive (RFC 9051 §9, note 1).
RULE_SILENT(IdleCommandWhileIdling, "idle.command-while-idling", CommandAfterDone,
            session(R"(C: a2 IDLE
S: + idling
C: done
C: a3 NOOP
S: a2 OK IDLE terminated
S: a3 OK NOOP completed
)"))

// After a refused IDLE the client is free to send commands again.
RULE_SILENT(IdleCommandWhileIdling, "idle.command-while-idling", AfterRefusedIdle,
            session(R"(C: a2 IDLE
S: a2 NO not now
C: a3 NOOP
S: a3 OK NOOP completed
)"))
