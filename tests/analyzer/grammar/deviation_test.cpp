// Named deviations: the validator recovers, names the deviation where it is, and goes on to
// judge the rest of the message.
#include <gtest/gtest.h>

#include <string>

#include "tests/analyzer/grammar/grammar_test_support.h"

namespace imapscope::testing {
namespace {

namespace dev = analyzer::grammar::deviation;
using analyzer::grammar::Options;

struct Case {
  const char* text;
  bool client;
  const char* deviation;
  std::size_t column;  // 1-based
};

constexpr Case kCases[] = {
    {"* SEARCH 2 84 882 ", false, dev::kTrailingSpace, 18},
    {"* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 )", false, dev::kTrailingSpace, 49},
    {"* FLAGS (\\Answered \\Flagged )", false, dev::kTrailingSpace, 28},
    {"* OK [CAPABILITY IMAP4rev1 IDLE ] ready", false, dev::kTrailingSpace, 32},
    {"*  1688 EXISTS", false, dev::kDoubleSpace, 3},
    {"* LIST () \"/\"  INBOX", false, dev::kDoubleSpace, 15},
    {"+", false, dev::kContinuationNoSpace, 2},
    {"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" () NIL NIL \"7BIT\" 3 1))", false, dev::kBodyNil,
     42},
    {"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL NIL 3 1))", false, dev::kBodyNil,
     54},
    {"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" -1 1))", false,
     dev::kBadNumber, 61},
    {"* 0 EXPUNGE", false, dev::kBadNumber, 12},
    {"* OK [UIDNEXT 0] Predicted next UID", false, dev::kBadNumber, 15},
    {"* LIST () \"/\" foo*bar", false, dev::kUnquotedSpecials, 18},
    {"* STATUS Sent%Items (MESSAGES 1)", false, dev::kUnquotedSpecials, 14},
    {"* LIST () \"/\" \"B\xc3\xa4r\"", false, dev::kQuoted8bit, 17},
};

TEST(GrammarDeviation, NamedRecoveredAndPlaced) {
  for (const Case& c : kCases) {
    const Options rev1{false, false};
    const auto r = c.client ? command(c.text, rev1) : response(c.text, rev1);
    EXPECT_TRUE(r.valid) << c.text << ": " << r.error.expected << " at " << r.error.column + 1;
    ASSERT_EQ(r.deviations.size(), 1u) << c.text;
    EXPECT_EQ(r.deviations[0].deviation, c.deviation) << c.text;
    EXPECT_EQ(r.deviations[0].column + 1, c.column) << c.text;
  }
}

TEST(GrammarDeviation, RecoveryGoesOnToFindALaterError) {
  // The double SP is stepped over; the bad item after it is still an error.
  const auto r = response("*  3 FETCH (FLAGS (\\Seen) SIZE 4)");
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.error.expected, "a message data item (msg-att)");
  ASSERT_EQ(r.deviations.size(), 1u);
  EXPECT_EQ(r.deviations[0].deviation, dev::kDoubleSpace);
}

TEST(GrammarDeviation, MissingTextIsRev1Only) {
  const char* text = "* OK [UIDVALIDITY 3857529045]";
  const auto rev1 = response(text, Options{false, false});
  EXPECT_TRUE(rev1.valid);
  ASSERT_EQ(rev1.deviations.size(), 1u);
  EXPECT_EQ(rev1.deviations[0].deviation, dev::kMissingText);
  EXPECT_TRUE(response(text, Options{true, true}).deviations.empty());
  EXPECT_EQ(response("a1 OK", Options{false, false}).deviations.size(), 1u);
  EXPECT_TRUE(response("a1 OK", Options{true, true}).deviations.empty());
}

TEST(GrammarDeviation, Utf8InQuotedIsFineUnderRev2) {
  EXPECT_TRUE(response("* LIST () \"/\" \"B\xc3\xa4r\"", Options{true, true}).deviations.empty());
  // Not UTF-8 at all: an error, whatever is enabled.
  EXPECT_FALSE(response("* LIST () \"/\" \"B\xe4r\"", Options{true, true}).valid);
}

TEST(GrammarDeviation, BlankLineFromTheServer) {
  const analyzer::Message m = frame_response("\r\n");
  const auto r = analyzer::grammar::validate_response(m);
  EXPECT_TRUE(r.valid);
  ASSERT_EQ(r.deviations.size(), 1u);
  EXPECT_EQ(r.deviations[0].deviation, dev::kBlankLine);
}

TEST(GrammarDeviation, EachSideSendingTheOthersForm) {
  const auto from_client = command("* OK [ALERT] hello");
  EXPECT_FALSE(from_client.valid);
  EXPECT_EQ(from_client.error.deviation, dev::kWrongSide);
  const auto from_server = response("a1 LOGIN fred secret");
  EXPECT_FALSE(from_server.valid);
  EXPECT_EQ(from_server.error.deviation, dev::kWrongSide);
  // Plain garbage is an ordinary error, not the other side's form.
  EXPECT_TRUE(response("a1 WHATEVER ((").error.deviation.empty());
}

TEST(GrammarLimits, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string deep = "a1 SEARCH ";
  deep.append(100000, '(');
  deep += "ALL";
  deep.append(100000, ')');
  const auto r = command(deep);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.error.expected.find("nested"), std::string::npos) << r.error.expected;

  std::string body = "* 1 FETCH (BODYSTRUCTURE ";
  body.append(100000, '(');
  const auto b = response(body);
  EXPECT_FALSE(b.valid);
  EXPECT_NE(b.error.expected.find("nested"), std::string::npos) << b.error.expected;

  std::string thread = "* THREAD ";
  thread.append(100000, '(');
  EXPECT_FALSE(response(thread).valid);

  std::string nots = "a1 SEARCH";
  for (int i = 0; i < 100000; ++i)
    nots += " NOT";
  nots += " ALL";
  EXPECT_FALSE(command(nots).valid);
}

}  // namespace
}  // namespace imapscope::testing
