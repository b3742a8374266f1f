#include "tests/support/rule_test.h"

// A C:/S: transcript always ends its lines in CRLF, so bare LFs are written as a Dovecot rawlog
// (byte for byte); the RULE_FIRES registration is done by hand.
static const bool kTextServerBareLfFires =
    imapscope::testing::note_rule_test("text.server-bare-lf", true);

namespace {

constexpr const char* kIn =
    "a1 NOOP\r\n"
    "a2 LOGOUT\r\n";

TEST(TextServerBareLf, FiresAtTheResponse) {
  const auto a = imapscope::testing::analyze_rawlog(kIn,
                                                    "* OK [CAPABILITY IMAP4rev2] ready\r\n"
                                                    "a1 OK NOOP completed\n"
                                                    "* BYE logging out\r\n"
                                                    "a2 OK LOGOUT completed\r\n");
  const auto v = imapscope::testing::violations_of(a, "text.server-bare-lf");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].line, 2u);
  EXPECT_EQ(v[0].direction, imapscope::capture::Direction::kServerToClient);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kError);
  EXPECT_EQ(v[0].side, imapscope::checks::Side::kServer);
}

// Each message is reported once, however many of its lines end in LF alone.
TEST(TextServerBareLf, OncePerMessage) {
  const auto a = imapscope::testing::analyze_rawlog("a1 FETCH 1 BODY[]\r\na2 LOGOUT\r\n",
                                                    "* PREAUTH [CAPABILITY IMAP4rev2] ready\n"
                                                    "* 1 FETCH (BODY[] {3}\n"
                                                    "ab\n"
                                                    ")\n"
                                                    "a1 BAD no mailbox selected\r\n"
                                                    "* BYE logging out\r\n"
                                                    "a2 OK LOGOUT completed\r\n");
  const auto v = imapscope::testing::violations_of(a, "text.server-bare-lf");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].line, 1u);
  EXPECT_EQ(v[1].line, 2u);
}

// A FETCH literal may hold bare LFs: they are message data, not protocol lines.
TEST(TextServerBareLf, SilentOnLfInsideLiteral) {
  const auto a = imapscope::testing::analyze_rawlog("a1 FETCH 1 BODY[TEXT]\r\na2 LOGOUT\r\n",
                                                    "* PREAUTH [CAPABILITY IMAP4rev2] ready\r\n"
                                                    "* 1 FETCH (BODY[TEXT] {5}\r\n"
                                                    "a\nb\n\n)\r\n"
                                                    "a1 OK FETCH completed\r\n"
                                                    "* BYE logging out\r\n"
                                                    "a2 OK LOGOUT completed\r\n");
  EXPECT_TRUE(imapscope::testing::violations_of(a, "text.server-bare-lf").empty());
}

TEST(TextServerBareLf, SilentOnCrlfRawlog) {
  const auto a = imapscope::testing::analyze_rawlog(kIn,
                                                    "* OK [CAPABILITY IMAP4rev2] ready\r\n"
                                                    "a1 OK NOOP completed\r\n"
                                                    "* BYE logging out\r\n"
                                                    "a2 OK LOGOUT completed\r\n");
  EXPECT_TRUE(imapscope::testing::violations_of(a, "text.server-bare-lf").empty());
}

}  // namespace

RULE_SILENT(TextServerBareLf, "text.server-bare-lf", CorrectSession,
            imapscope::testing::kCorrectRev2Session)
