// login.cleartext judges where the bytes were seen, so its tests read real captures of Dovecot
// (samples/dovecot/*.pcap, recorded on loopback by scripts/record-samples).
#include <string>

#include "tests/support/rule_test.h"

namespace imapscope::testing {
namespace {

constexpr const char* kRule = "login.cleartext";
const bool kFiresNoted = note_rule_test(kRule, true);
const bool kSilentNoted = note_rule_test(kRule, false);

std::vector<checks::Violation> check_sample(const std::string& name) {
  const std::string path = std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/" + name;
  checks::CheckResult r = checks::check_inputs({path}, {});
  EXPECT_FALSE(r.error.has_value()) << name;
  return violations_of(r.analysis, kRule);
}

// Python's imaplib: LOGIN on port 143 without STARTTLS, in frame 9 of the capture.
TEST(LoginCleartext, Fires_LoginInACapture) {
  const std::vector<checks::Violation> v = check_sample("imaplib-basic.pcap");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].packet, 9u);
  EXPECT_EQ(v[0].severity, checks::Severity::kWarning);
  EXPECT_EQ(v[0].excerpt.find("LOGIN"), v[0].excerpt.find(' ') + 1) << v[0].excerpt;
  EXPECT_EQ(v[0].excerpt.find("imapscope-test"), std::string::npos);  // still redacted
}

// curl: AUTHENTICATE PLAIN with its initial response (SASL-IR), also in the clear.
TEST(LoginCleartext, Fires_AuthenticatePlainInACapture) {
  const std::vector<checks::Violation> v = check_sample("curl.pcap");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NE(v[0].excerpt.find("AUTHENTICATE PLAIN"), std::string::npos) << v[0].excerpt;
}

// After STARTTLS the login is encrypted: the analysis never sees it, and the rule is silent.
TEST(LoginCleartext, Silent_LoginAfterStarttls) {
  EXPECT_TRUE(check_sample("starttls.pcap").empty());
}

// A transcript or a server's log does not show how the bytes travelled.
TEST(LoginCleartext, Silent_TranscriptsAndLogs) {
  EXPECT_TRUE(check_sample("imaplib-basic.in").empty());
  expect_silent(kRule, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 LOGIN alice secret
S: a1 OK done
)");
  expect_silent(kRule, kCorrectRev2Session);
}

}  // namespace
}  // namespace imapscope::testing
