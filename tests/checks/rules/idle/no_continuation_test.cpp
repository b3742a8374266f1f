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

RULE_FIRES(IdleNoContinuation, "idle.no-continuation", OkWithoutPlusOrDone, session(R"(C: a2 IDLE
S: a2 OK IDLE completed
)"),
           7)

RULE_FIRES(IdleNoContinuation, "idle.no-continuation", OkAfterUnaskedDone, session(R"(C: a2 IDLE
C: DONE
S: a2 OK IDLE terminated
)"),
           8)

TEST(IdleNoContinuation, IsAWarning) {
  const auto v = imapscope::testing::violations_of(
      imapscope::testing::analyze_transcript(session("C: a2 IDLE\nS: a2 OK done\n")),
      "idle.no-continuation");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kWarning);
  EXPECT_EQ(v[0].tag, "a2");
}

RULE_SILENT(IdleNoContinuation, "idle.no-continuation", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 9051 §6.3.13's example: untagged responses may come before the "+".
RULE_SILENT(IdleNoContinuation, "idle.no-continuation", UntaggedBeforePlus, session(R"(C: a2 IDLE
S: * 2 EXISTS
S: + idling
S: * 3 EXISTS
C: DONE
S: a2 OK IDLE terminated
)"))

// A refused IDLE needs no "+".
RULE_SILENT(IdleNoContinuation, "idle.no-continuation", Refused, session(R"(C: a2 IDLE
S: a2 NO the server will not allow IDLE now
)"))
