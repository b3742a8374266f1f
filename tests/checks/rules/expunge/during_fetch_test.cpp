#include "tests/support/rule_test.h"

namespace {
constexpr const char* kSelected = R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
)";
std::string session(const char* tail) {
  return std::string(kSelected) + tail;
}
}  // namespace

RULE_FIRES(ExpungeDuringFetch, "expunge.during-fetch", DuringFetch, session(R"(C: a2 FETCH 1:3 FLAGS
S: * 1 FETCH (FLAGS ())
S: * 2 EXPUNGE
S: a2 OK done
)"),
           8)

RULE_FIRES(ExpungeDuringFetch, "expunge.during-fetch", DuringStore,
           session(R"(C: a2 STORE 1 +FLAGS (\Seen)
S: * 2 EXPUNGE
S: a2 OK done
)"),
           7)

RULE_FIRES(ExpungeDuringFetch, "expunge.during-fetch", DuringSearch, session(R"(C: a2 SEARCH UNSEEN
S: * 2 EXPUNGE
S: * SEARCH 1
S: a2 OK done
)"),
           7)

// A pipelined NOOP does not make an EXPUNGE during the FETCH acceptable.
RULE_FIRES(ExpungeDuringFetch, "expunge.during-fetch", DuringFetchWithNoopPipelined,
           session(R"(C: a2 FETCH 1 FLAGS
C: a3 NOOP
S: * 2 EXPUNGE
S: a2 OK done
S: a3 OK done
)"),
           8)

RULE_SILENT(ExpungeDuringFetch, "expunge.during-fetch", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §7.5.1: "An EXPUNGE response MAY be sent during a UID command."
RULE_SILENT(ExpungeDuringFetch, "expunge.during-fetch", DuringUidFetch,
            session(R"(C: a2 UID FETCH 1:* FLAGS
S: * 2 EXPUNGE
S: a2 OK done
)"))

RULE_SILENT(ExpungeDuringFetch, "expunge.during-fetch", DuringNoop, session(R"(C: a2 NOOP
S: * 2 EXPUNGE
S: a2 OK done
)"))
