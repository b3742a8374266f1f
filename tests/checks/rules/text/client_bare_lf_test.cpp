#include "tests/support/rule_test.h"

// A C:/S: transcript always ends its lines in CRLF, so bare LFs are written as a Dovecot rawlog
// (byte for byte); the RULE_FIRES registration is done by hand.
static const bool kTextClientBareLfFires =
    imapscope::testing::note_rule_test("text.client-bare-lf", true);

namespace {

constexpr const char* kOut =
    "* OK [CAPABILITY IMAP4rev2 LITERAL+] ready\r\n"
    "a1 OK NOOP completed\r\n"
    "a2 OK LOGIN completed\r\n"
    "* BYE logging out\r\n"
    "a3 OK LOGOUT completed\r\n";

TEST(TextClientBareLf, FiresAtTheCommand) {
  const auto a = imapscope::testing::analyze_rawlog(
      "a1 NOOP\n"
      "a2 LOGIN alice secret\r\n"
      "a3 LOGOUT\r\n",
      kOut);
  const auto v = imapscope::testing::violations_of(a, "text.client-bare-lf");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].line, 1u);
  EXPECT_EQ(v[0].direction, imapscope::capture::Direction::kClientToServer);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kError);
  EXPECT_EQ(v[0].side, imapscope::checks::Side::kClient);
}

// The line after a non-synchronizing literal ends in LF alone: one report, naming line 2.
TEST(TextClientBareLf, NamesTheLineAfterALiteral) {
  const auto a = imapscope::testing::analyze_rawlog(
      "a1 NOOP\r\n"
      "a2 LOGIN {5+}\r\n"
      "alice secret\n"
      "a3 LOGOUT\n",
      kOut);
  const auto v = imapscope::testing::violations_of(a, "text.client-bare-lf");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].line, 2u);
  EXPECT_NE(v[0].message.find("line 2 of the command"), std::string::npos) << v[0].message;
  EXPECT_EQ(v[1].line, 4u);
}

// A literal's octets may hold bare LFs: they are data, not lines.
TEST(TextClientBareLf, SilentOnLfInsideLiteral) {
  const auto a = imapscope::testing::analyze_rawlog(
      "a1 NOOP\r\n"
      "a2 LOGIN {6+}\r\n"
      "al\nice secret\r\n"
      "a3 LOGOUT\r\n",
      kOut);
  EXPECT_TRUE(imapscope::testing::violations_of(a, "text.client-bare-lf").empty());
}

TEST(TextClientBareLf, SilentOnCrlfRawlog) {
  const auto a = imapscope::testing::analyze_rawlog(
      "a1 NOOP\r\n"
      "a2 LOGIN alice secret\r\n"
      "a3 LOGOUT\r\n",
      kOut);
  EXPECT_TRUE(imapscope::testing::violations_of(a, "text.client-bare-lf").empty());
}

}  // namespace

RULE_SILENT(TextClientBareLf, "text.client-bare-lf", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
