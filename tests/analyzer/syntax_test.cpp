#include "analyzer/syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/analyzer/framed.h"

namespace imapscope::analyzer {
namespace {

using testing::frame_one;

// RFC 9051 §9: atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials /
// resp-specials, with ASTRING-CHAR adding "]" back and tag excluding "+".
TEST(CharClasses, AtomAstringAndTag) {
  for (char c : std::string("()%*\"\\] {"))
    EXPECT_FALSE(is_atom_char(c)) << c;
  for (char c : std::string("aZ09+-.:!#$&'<>=?@^_`|~[}/,;"))
    EXPECT_TRUE(is_atom_char(c)) << c;
  EXPECT_FALSE(is_atom_char('\x00'));
  EXPECT_FALSE(is_atom_char('\x1f'));
  EXPECT_FALSE(is_atom_char('\x7f'));
  EXPECT_FALSE(is_atom_char('\x80'));  // CHAR is 7-bit

  EXPECT_TRUE(is_astring_char(']'));
  EXPECT_FALSE(is_astring_char('('));
  EXPECT_TRUE(is_astring_char('+'));

  EXPECT_FALSE(is_tag_char('+'));
  EXPECT_TRUE(is_tag_char(']'));
  EXPECT_TRUE(is_tag_char('A'));
  EXPECT_FALSE(is_tag_char('*'));
}

TEST(CaseInsensitive, IequalsAndToUpper) {
  EXPECT_TRUE(iequals("imap4REV2", "IMAP4rev2"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("IDLE", "IDLE2"));
  EXPECT_FALSE(iequals("[", "{"));  // only letters fold: '[' + 32 is '{'
  EXPECT_FALSE(iequals("@", "`"));
  EXPECT_EQ(to_upper("uid fetch-1 [x]"), "UID FETCH-1 [X]");
  EXPECT_EQ(to_upper("\xc3\xa9"), "\xc3\xa9");  // 8-bit bytes are left alone
}

TEST(Cursor, WalksLinesAndLiterals) {
  const Message m = frame_one("a1 X {2}\r\nhi y\r\n");
  Cursor c(m);
  EXPECT_EQ(c.peek(), 'a');
  EXPECT_EQ(c.peek_at(1), '1');
  EXPECT_TRUE(c.consume('a'));
  EXPECT_FALSE(c.consume('x'));
  c.advance(4);
  EXPECT_EQ(c.rest_of_line(), "{2}");
  std::size_t index = 99;
  ASSERT_TRUE(c.take_literal(index));
  EXPECT_EQ(index, 0u);
  EXPECT_EQ(c.line(), 1u);
  EXPECT_EQ(c.column(), 0u);
  EXPECT_EQ(c.rest_of_line(), " y");
  EXPECT_FALSE(c.at_end());
  c.advance(2);
  EXPECT_TRUE(c.at_line_end());
  EXPECT_TRUE(c.at_end());
  EXPECT_EQ(c.peek(), '\0');

  const SyntaxError err = c.error("something", "rule");
  EXPECT_EQ(err.line, 1u);
  EXPECT_EQ(err.column, 2u);
  EXPECT_EQ(err.offset, m.lines[1].stream_offset + 2);
  EXPECT_EQ(err.expected, "something");
  EXPECT_EQ(err.rule, "rule");
}

TEST(Cursor, TakeLiteralNeedsAnnouncementAtCursor) {
  const Message m = frame_one("a1 X {2}\r\nhi\r\n");
  Cursor c(m);
  std::size_t index = 0;
  EXPECT_FALSE(c.take_literal(index));  // "a1 X {2}" does not start with the announcement
  EXPECT_EQ(c.line(), 0u);

  const Message no_literal = frame_one("a1 X {2");
  Cursor c2(no_literal);
  c2.advance(5);
  EXPECT_FALSE(c2.take_literal(index));
}

TEST(ParseArguments, DepthLimitIsConfigurable) {
  const Message m = frame_one("((a)) (b)");
  {
    Cursor c(m);
    std::vector<Arg> args;
    SyntaxError err;
    EXPECT_TRUE(parse_arguments(c, args, err, 2));
    EXPECT_EQ(args.size(), 2u);
  }
  {
    Cursor c(m);
    std::vector<Arg> args;
    SyntaxError err;
    EXPECT_FALSE(parse_arguments(c, args, err, 1));
    EXPECT_EQ(err.rule, "list");
    EXPECT_EQ(err.column, 2u);
  }
}

TEST(ParseArguments, TokensKeepFlagsWildcardsAndBrackets) {
  const Message m = frame_one("\\Seen * % BODY[1.2.MIME] INBOX.a/b");
  Cursor c(m);
  std::vector<Arg> args;
  SyntaxError err;
  ASSERT_TRUE(parse_arguments(c, args, err));
  ASSERT_EQ(args.size(), 5u);
  EXPECT_EQ(args[0].text, "\\Seen");
  EXPECT_EQ(args[1].text, "*");
  EXPECT_EQ(args[2].text, "%");
  EXPECT_EQ(args[3].text, "BODY[1.2.MIME]");
  EXPECT_EQ(args[4].text, "INBOX.a/b");
  for (const Arg& a : args)
    EXPECT_EQ(a.kind, ArgKind::kAtom);
}

}  // namespace
}  // namespace imapscope::analyzer
