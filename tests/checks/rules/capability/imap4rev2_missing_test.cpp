#include "tests/support/rule_test.h"

namespace imapscope::testing {
namespace {

constexpr const char* kRev1Server = R"(
S: * OK [CAPABILITY IMAP4rev1 IDLE] ready
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev1 IDLE
S: a1 OK done
)";

TEST(CapabilityImap4rev2Missing, WarningUnderAutoOncePerConnection) {
  const auto a = analyze_transcript(kRev1Server, checks::Profile::kAuto);
  const auto v = violations_of(a, "capability.imap4rev2-missing");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, checks::Severity::kWarning);
  EXPECT_EQ(v[0].line, 2u);
}

TEST(CapabilityImap4rev2Missing, ErrorUnderImap4rev2Profile) {
  const auto v = violations_of(analyze_transcript(kRev1Server, checks::Profile::kImap4rev2),
                               "capability.imap4rev2-missing");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, checks::Severity::kError);
}

TEST(CapabilityImap4rev2Missing, SilentUnderImap4rev1Profile) {
  EXPECT_TRUE(violations_of(analyze_transcript(kRev1Server, checks::Profile::kImap4rev1),
                            "capability.imap4rev2-missing")
                  .empty());
}

}  // namespace
}  // namespace imapscope::testing

RULE_FIRES(CapabilityImap4rev2Missing, "capability.imap4rev2-missing", Rev1OnlyServer, R"(
S: * OK ready
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
S: a1 OK done
)",
           4)

RULE_SILENT(CapabilityImap4rev2Missing, "capability.imap4rev2-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(CapabilityImap4rev2Missing, "capability.imap4rev2-missing", BothVersions, R"(
S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2] ready
)")
