// autologout.too-soon needs timestamps, which only rawlogs carry: its tests are stamped
// rawlog pairs, registered with the catalog by hand.
#include "tests/support/rule_test.h"

static const bool kAutologoutTooSoonFires =
    imapscope::testing::note_rule_test("autologout.too-soon", true);
static const bool kAutologoutTooSoonSilent =
    imapscope::testing::note_rule_test("autologout.too-soon", false);

namespace {

using imapscope::testing::analyze_rawlog;
using imapscope::testing::violations_of;

constexpr const char* kRule = "autologout.too-soon";

// The client logs in and selects INBOX; the last client line is at 1000.300000.
constexpr const char* kIn =
    "1000.100000 a1 LOGIN alice secret\r\n"
    "1000.300000 a2 SELECT INBOX\r\n";

constexpr const char* kOutHead =
    "1000.000000 * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n"
    "1000.200000 a1 OK LOGIN completed\r\n"
    "1000.400000 * 1 EXISTS\r\n"
    "1000.400010 a2 OK [READ-WRITE] SELECT completed\r\n";

// The server's BYE at `stamp`.
std::string bye_at(const char* stamp) {
  return std::string(kOutHead) + stamp + " * BYE Disconnected for inactivity.\r\n";
}

TEST(AutologoutTooSoon, FiresAfterFiveQuietMinutes) {
  const auto v = violations_of(analyze_rawlog(kIn, bye_at("1300.300000")), kRule);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].line, 5u);  // line 5 of the .out file
  EXPECT_EQ(v[0].direction, imapscope::capture::Direction::kServerToClient);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kError);
  EXPECT_EQ(v[0].side, imapscope::checks::Side::kServer);
  ASSERT_TRUE(v[0].time.has_value());
  EXPECT_EQ(*v[0].time, 1300300000);
  EXPECT_NE(v[0].message.find("5 min 0 s"), std::string::npos) << v[0].message;
}

// RFC 2177 §3: an idling client may be logged off at the end of the timeout period, which is
// still at least 30 minutes (RFC 9051 §5.4).
TEST(AutologoutTooSoon, FiresDuringIdle) {
  const auto v =
      violations_of(analyze_rawlog(std::string(kIn) + "1000.500000 a3 IDLE\r\n",
                                   std::string(kOutHead) + "1000.500100 + idling\r\n"
                                                           "1600.500000 * BYE Disconnected for "
                                                           "inactivity.\r\n"),
                    kRule);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].line, 6u);
  EXPECT_NE(v[0].message.find("IDLE"), std::string::npos) << v[0].message;
}

// A PREAUTH connection is authenticated from the greeting on.
TEST(AutologoutTooSoon, FiresAfterPreauthWithoutCommands) {
  const auto v = violations_of(analyze_rawlog("",
                                              "1000.000000 * PREAUTH [CAPABILITY IMAP4rev2] "
                                              "ready\r\n"
                                              "1120.000000 * BYE Autologout\r\n"),
                               kRule);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].line, 2u);
}

// Exactly 30 minutes is what RFC 9051 §5.4 asks for.
TEST(AutologoutTooSoon, SilentAfterThirtyMinutes) {
  EXPECT_TRUE(violations_of(analyze_rawlog(kIn, bye_at("2800.300000")), kRule).empty());
}

// Within a minute of a command a BYE is taken as a reaction to it, not as an autologout.
TEST(AutologoutTooSoon, SilentSoonAfterACommand) {
  EXPECT_TRUE(violations_of(analyze_rawlog(kIn, bye_at("1030.000000")), kRule).empty());
}

// RFC 9051 §5.4: the limit applies after authentication only.
TEST(AutologoutTooSoon, SilentBeforeAuthentication) {
  EXPECT_TRUE(violations_of(analyze_rawlog("1000.100000 a1 CAPABILITY\r\n",
                                           "1000.000000 * OK [CAPABILITY IMAP4rev2] ready\r\n"
                                           "1000.100100 * CAPABILITY IMAP4rev2\r\n"
                                           "1000.100200 a1 OK done\r\n"
                                           "1100.000000 * BYE login timeout\r\n"),
                            kRule)
                  .empty());
}

// The BYE of a LOGOUT is solicited, however long the client waited before sending it.
TEST(AutologoutTooSoon, SilentOnLogout) {
  EXPECT_TRUE(violations_of(
                  analyze_rawlog(std::string(kIn) + "1300.000000 a3 LOGOUT\r\n",
                                 std::string(kOutHead) + "1300.000100 * BYE Logging out\r\n"
                                                         "1300.000200 a3 OK LOGOUT completed\r\n"),
                  kRule)
                  .empty());
}

// A BYE while a command other than IDLE is in progress is not about inactivity.
TEST(AutologoutTooSoon, SilentWhileACommandRuns) {
  EXPECT_TRUE(violations_of(analyze_rawlog(std::string(kIn) + "1000.500000 a3 SEARCH TEXT x\r\n",
                                           std::string(kOutHead) +
                                               "1200.000000 * BYE Server shutting down\r\n"),
                            kRule)
                  .empty());
}

}  // namespace

// Without timestamps nothing can be said.
RULE_SILENT(AutologoutTooSoon, "autologout.too-soon", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
