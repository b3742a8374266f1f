#include "analyzer/command.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

#include "tests/analyzer/framed.h"

namespace imapscope::analyzer {
namespace {

using testing::frame_all;
using testing::frame_one;

std::string_view range(const Message& m, const Arg& a) {
  return std::string_view(m.text).substr(a.begin, a.end - a.begin);
}

// Parses `bytes` as a command that must be valid.
Command parse_ok(Message& m) {
  Command cmd;
  SyntaxError err;
  EXPECT_TRUE(parse_command(m, cmd, err))
      << m.text << ": column " << err.column << ": expected " << err.expected;
  return cmd;
}

// Parses a command that must fail; returns the error.
SyntaxError parse_error(Message& m, Command* out = nullptr) {
  Command cmd;
  SyntaxError err;
  EXPECT_FALSE(parse_command(m, cmd, err)) << m.text;
  if (out != nullptr) *out = cmd;
  return err;
}

// The session parses every command into one Command: clear() must leave nothing of the last.
TEST(ParseCommand, ClearForgetsEveryField) {
  Message store = frame_one("a1 UID STORE 4 +FLAGS (\\Seen)");
  Message noop = frame_one("a2 NOOP");
  Command cmd = parse_ok(store);
  ASSERT_EQ(cmd.args.size(), 3u);
  cmd.clear();
  EXPECT_TRUE(cmd.tag.empty());
  EXPECT_TRUE(cmd.name.empty());
  EXPECT_EQ(cmd.id, CommandId::kUnknown);
  EXPECT_TRUE(cmd.args.empty());
  SyntaxError err;
  ASSERT_TRUE(parse_command(noop, cmd, err));
  EXPECT_EQ(cmd.tag, "a2");
  EXPECT_EQ(cmd.name, "NOOP");
  EXPECT_EQ(cmd.id, CommandId::kNoop);
  EXPECT_TRUE(cmd.args.empty());
}

TEST(ParseCommand, TagNameNoArguments) {
  Message m = frame_one("a1 noop");
  const Command cmd = parse_ok(m);
  EXPECT_EQ(cmd.tag, "a1");
  EXPECT_EQ(cmd.name, "NOOP");
  EXPECT_EQ(cmd.id, CommandId::kNoop);
  EXPECT_TRUE(cmd.args.empty());
}

TEST(ParseCommand, UidSubcommand) {
  Message m = frame_one("A003 uid Fetch 1:* (FLAGS)");
  const Command cmd = parse_ok(m);
  EXPECT_EQ(cmd.name, "UID FETCH");
  EXPECT_EQ(cmd.id, CommandId::kUidFetch);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_TRUE(cmd.args[0].is_atom("1:*"));
  EXPECT_EQ(cmd.args[1].kind, ArgKind::kList);
}

TEST(ParseCommand, UnknownCommandIsParsedButUnknown) {
  Message m = frame_one("x1 XYZZY plugh");
  const Command cmd = parse_ok(m);
  EXPECT_EQ(cmd.name, "XYZZY");
  EXPECT_EQ(cmd.id, CommandId::kUnknown);
  ASSERT_EQ(cmd.args.size(), 1u);
  EXPECT_TRUE(cmd.args[0].is_atom("PLUGH"));
}

// RFC 9051 §6.4.5: the section spec with its header list and the partial are one fetch-att.
TEST(ParseCommand, SectionWithListAndPartialIsOneAtom) {
  Message m = frame_one("a2 FETCH 1 (FLAGS BODY[HEADER.FIELDS (A B)]<0.10>) BODY.PEEK[]");
  const Command cmd = parse_ok(m);
  ASSERT_EQ(cmd.args.size(), 3u);
  EXPECT_TRUE(cmd.args[0].is_atom("1"));
  const Arg& list = cmd.args[1];
  ASSERT_EQ(list.kind, ArgKind::kList);
  ASSERT_EQ(list.children.size(), 2u);
  EXPECT_TRUE(list.children[0].is_atom("flags"));
  EXPECT_EQ(list.children[1].kind, ArgKind::kAtom);
  EXPECT_EQ(list.children[1].text, "BODY[HEADER.FIELDS (A B)]<0.10>");
  EXPECT_EQ(range(m, list), "(FLAGS BODY[HEADER.FIELDS (A B)]<0.10>)");
  EXPECT_EQ(cmd.args[2].text, "BODY.PEEK[]");
}

TEST(ParseCommand, QuotedStringsKeepTheirEscapes) {
  Message m = frame_one(R"(a3 LOGIN "fr\"ed" "pa\\ss")");
  const Command cmd = parse_ok(m);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_EQ(cmd.args[0].kind, ArgKind::kQuoted);
  EXPECT_EQ(cmd.args[0].text, R"(fr\"ed)");
  EXPECT_EQ(range(m, cmd.args[0]), R"("fr\"ed")");
  EXPECT_EQ(cmd.args[1].kind, ArgKind::kQuoted);
  EXPECT_EQ(cmd.args[1].text, R"(pa\\ss)");
  EXPECT_FALSE(cmd.args[0].is_atom(R"(FR\"ED)"));  // a quoted string is not an atom
}

TEST(ParseCommand, EmptyQuotedString) {
  Message m = frame_one(R"(a3 LIST "" "*")");
  const Command cmd = parse_ok(m);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_EQ(cmd.args[0].kind, ArgKind::kQuoted);
  EXPECT_EQ(cmd.args[0].text, "");
  EXPECT_EQ(cmd.args[1].text, "*");
}

TEST(ParseCommand, NestedLists) {
  Message m = frame_one("a4 X (a (b (c)) ()) d");
  const Command cmd = parse_ok(m);
  ASSERT_EQ(cmd.args.size(), 2u);
  const Arg& outer = cmd.args[0];
  ASSERT_EQ(outer.kind, ArgKind::kList);
  ASSERT_EQ(outer.children.size(), 3u);
  EXPECT_TRUE(outer.children[0].is_atom("A"));
  const Arg& mid = outer.children[1];
  ASSERT_EQ(mid.kind, ArgKind::kList);
  ASSERT_EQ(mid.children.size(), 2u);
  EXPECT_TRUE(mid.children[0].is_atom("B"));
  ASSERT_EQ(mid.children[1].kind, ArgKind::kList);
  ASSERT_EQ(mid.children[1].children.size(), 1u);
  EXPECT_TRUE(mid.children[1].children[0].is_atom("C"));
  EXPECT_EQ(outer.children[2].kind, ArgKind::kList);
  EXPECT_TRUE(outer.children[2].children.empty());
  EXPECT_EQ(range(m, outer.children[2]), "()");
  EXPECT_TRUE(cmd.args[1].is_atom("D"));
}

TEST(ParseCommand, LiteralArguments) {
  Message m = frame_one("a5 APPEND INBOX (\\Seen) {5}\r\nhello\r\n");
  const Command cmd = parse_ok(m);
  EXPECT_EQ(cmd.id, CommandId::kAppend);
  ASSERT_EQ(cmd.args.size(), 3u);
  EXPECT_TRUE(cmd.args[0].is_atom("INBOX"));
  ASSERT_EQ(cmd.args[1].children.size(), 1u);
  EXPECT_EQ(cmd.args[1].children[0].text, "\\Seen");
  const Arg& lit = cmd.args[2];
  EXPECT_EQ(lit.kind, ArgKind::kLiteral);
  EXPECT_EQ(lit.literal, 0u);
  EXPECT_EQ(lit.text, "hello");
  EXPECT_EQ(range(m, lit), "{5}");
}

// RFC 9051 §7.6's LOGIN with two literals, then arguments after a literal on its last line.
TEST(ParseCommand, SeveralLiterals) {
  Message m = frame_one("A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n");
  const Command cmd = parse_ok(m);
  EXPECT_EQ(cmd.id, CommandId::kLogin);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_EQ(cmd.args[0].text, "FRED FOOBAR");
  EXPECT_EQ(cmd.args[0].literal, 0u);
  EXPECT_EQ(cmd.args[1].text, "fat man");
  EXPECT_EQ(cmd.args[1].literal, 1u);

  Message m2 = frame_one("a6 APPEND INBOX {+3+}\r\n");  // "{+3+}" is no announcement
  Command c2;
  SyntaxError err;
  EXPECT_FALSE(parse_command(m2, c2, err));

  Message m3 = frame_one("a7 X ~{2}\r\nhi (a b)\r\n");
  const Command c3 = parse_ok(m3);
  ASSERT_EQ(c3.args.size(), 2u);
  EXPECT_EQ(c3.args[0].kind, ArgKind::kLiteral);
  EXPECT_EQ(c3.args[0].text, "hi");
  EXPECT_EQ(c3.args[1].kind, ArgKind::kList);
  EXPECT_EQ(c3.args[1].children.size(), 2u);
}

TEST(ParseCommand, IncompleteLiteralIsAnError) {
  auto messages = frame_all("a1 APPEND INBOX {10}\r\nabc", Direction::kClientToServer);
  ASSERT_EQ(messages.size(), 1u);
  const SyntaxError err = parse_error(messages[0]);
  EXPECT_EQ(err.rule, "literal");
}

// --- errors: the column is 0-based in the line, `rule` names the RFC 9051 §9 ABNF rule ----

TEST(ParseCommandError, BadTagCharacter) {
  struct Case {
    std::string_view line;
    std::size_t column;
  };
  // tag = 1*<any ASTRING-CHAR except "+">; '{', '*', '(' and CTLs are atom-specials.
  for (const Case& c : {Case{"a+1 NOOP", 1}, Case{"ab{ NOOP", 2}, Case{"a1* NOOP", 2},
                        Case{"(a NOOP", 0}, Case{"a1\tNOOP", 2}, Case{"a\"1 NOOP", 1}}) {
    Message m = frame_one(c.line);
    Command cmd;
    const SyntaxError err = parse_error(m, &cmd);
    EXPECT_EQ(err.rule, "tag") << c.line;
    EXPECT_EQ(err.line, 0u) << c.line;
    EXPECT_EQ(err.column, c.column) << c.line;
    EXPECT_FALSE(err.expected.empty());
  }
}

TEST(ParseCommandError, OffsetOfBadTagCharacterCountsFromStream) {
  auto messages = frame_all("a0 NOOP\r\na+1 NOOP\r\n", Direction::kClientToServer);
  ASSERT_EQ(messages.size(), 2u);
  const SyntaxError err = parse_error(messages[1]);
  EXPECT_EQ(err.column, 1u);
  EXPECT_EQ(err.offset, 10u);
}

TEST(ParseCommandError, EmptyTag) {
  Message m = frame_one(" NOOP");
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "tag");
  EXPECT_EQ(err.column, 0u);
}

TEST(ParseCommandError, MissingSpaceAfterTag) {
  Message m = frame_one("a1");
  Command cmd;
  const SyntaxError err = parse_error(m, &cmd);
  EXPECT_EQ(err.rule, "command");
  EXPECT_EQ(err.column, 2u);
  EXPECT_EQ(cmd.tag, "a1");  // the tag is known, so the server's BAD can still answer it
}

TEST(ParseCommandError, DoubleSpace) {
  Message m = frame_one("a1  NOOP");
  SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "command");
  EXPECT_EQ(err.column, 3u);

  Message m2 = frame_one("a1 FETCH 1  FLAGS");
  err = parse_error(m2);
  EXPECT_EQ(err.rule, "astring");
  EXPECT_EQ(err.column, 11u);

  Message m3 = frame_one("a1 NOOP ");  // a trailing SP announces an argument that is missing
  err = parse_error(m3);
  EXPECT_EQ(err.column, 8u);
}

TEST(ParseCommandError, UnbalancedOpenParenthesis) {
  Message m = frame_one("a1 FETCH 1 (FLAGS");
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "list");
  EXPECT_EQ(err.column, 17u);
}

TEST(ParseCommandError, UnbalancedCloseParenthesis) {
  Message m = frame_one("a1 FETCH 1 FLAGS)");
  SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "list");
  EXPECT_EQ(err.column, 16u);

  Message m2 = frame_one("a1 FETCH 1 (FLAGS))");
  err = parse_error(m2);
  EXPECT_EQ(err.rule, "list");
  EXPECT_EQ(err.column, 18u);
}

TEST(ParseCommandError, UnterminatedQuotedString) {
  Message m = frame_one("a1 SELECT \"INBOX");
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "quoted");
  EXPECT_EQ(err.column, 16u);
}

// RFC 9051 §9: quoted-specials = DQUOTE / "\"; a backslash escapes only those two.
TEST(ParseCommandError, BadEscapeInQuotedString) {
  Message m = frame_one(R"(a1 SELECT "IN\BOX")");
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "quoted-specials");
  EXPECT_EQ(err.column, 14u);  // the character after the backslash
}

TEST(ParseCommandError, UidWithoutSubcommand) {
  Message m = frame_one("a1 UID");
  EXPECT_EQ(parse_error(m).rule, "uid");
  Message m2 = frame_one("a1 UID (FETCH)");
  EXPECT_EQ(parse_error(m2).rule, "uid");
}

TEST(ParseCommandError, UnterminatedSection) {
  Message m = frame_one("a1 FETCH 1 BODY[HEADER");
  EXPECT_EQ(parse_error(m).rule, "section");
}

TEST(ParseCommandError, EmptyMessage) {
  Message m;
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "command");
}

TEST(ParseCommandNesting, SixtyFourLevelsParse) {
  Message m = frame_one("a1 X " + std::string(64, '(') + std::string(64, ')'));
  const Command cmd = parse_ok(m);
  ASSERT_EQ(cmd.args.size(), 1u);
  const Arg* a = &cmd.args[0];
  std::size_t depth = 1;
  while (!a->children.empty()) {
    a = &a->children[0];
    ++depth;
  }
  EXPECT_EQ(depth, 64u);
}

TEST(ParseCommandNesting, DeeperThanTheLimitIsAnError) {
  Message m = frame_one("a1 X " + std::string(65, '(') + std::string(65, ')'));
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "list");
  EXPECT_NE(err.expected.find("64"), std::string::npos) << err.expected;
}

// A hostile client must not be able to overflow the analyzer's stack.
TEST(ParseCommandNesting, HundredThousandParenthesesDoNotCrash) {
  Message m = frame_one("a1 X " + std::string(100'000, '('));
  EXPECT_EQ(parse_error(m).rule, "list");
  Message m2 = frame_one("a1 X " + std::string(100'000, '(') + std::string(100'000, ')'));
  EXPECT_EQ(parse_error(m2).rule, "list");
}

// --- credentials ----------------------------------------------------------------------

TEST(ParseCommandRedaction, LoginPassword) {
  Message m = frame_one("a1 LOGIN fred secret");
  parse_ok(m);
  ASSERT_EQ(m.redactions.size(), 1u);
  EXPECT_EQ(m.text.substr(m.redactions[0].first, m.redactions[0].second - m.redactions[0].first),
            "secret");
  EXPECT_EQ(excerpt(m, true), "a1 LOGIN fred ***");
  EXPECT_EQ(excerpt(m, false), "a1 LOGIN fred secret");
}

TEST(ParseCommandRedaction, QuotedLoginPassword) {
  Message m = frame_one(R"(a1 login "fred" "se cret")");
  parse_ok(m);
  EXPECT_EQ(excerpt(m, true), R"(a1 login "fred" ***)");
  EXPECT_EQ(excerpt(m, false), R"(a1 login "fred" "se cret")");
}

// RFC 4959 SASL-IR: the initial response carries the credentials.
TEST(ParseCommandRedaction, AuthenticateInitialResponse) {
  Message m = frame_one("a2 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0");
  parse_ok(m);
  EXPECT_EQ(excerpt(m, true), "a2 AUTHENTICATE PLAIN ***");
  EXPECT_EQ(excerpt(m, false), "a2 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0");

  Message plain = frame_one("a3 AUTHENTICATE PLAIN");
  parse_ok(plain);
  EXPECT_TRUE(plain.redactions.empty());
  EXPECT_EQ(excerpt(plain, true), "a3 AUTHENTICATE PLAIN");
}

TEST(ParseCommandRedaction, OtherCommandsAreNotRedacted) {
  Message m = frame_one("a1 SELECT secret");
  parse_ok(m);
  EXPECT_TRUE(m.redactions.empty());
  EXPECT_EQ(excerpt(m, true), "a1 SELECT secret");
}

// A literal password is not on the first line, which is all an excerpt shows.
TEST(ParseCommandRedaction, LiteralPasswordNeverInExcerpt) {
  Message m = frame_one("a1 LOGIN fred {6}\r\nsecret\r\n");
  parse_ok(m);
  EXPECT_EQ(excerpt(m, true).find("secret"), std::string::npos);
  EXPECT_EQ(excerpt(m, false).find("secret"), std::string::npos);
}

// A LOGIN that does not parse is reported with its excerpt too, so its password must be
// hidden just the same, whether the error comes after the password or inside it.
TEST(ParseCommandRedaction, PasswordHiddenInCommandThatDoesNotParse) {
  for (std::string_view line :
       {"a1 LOGIN fred secret)", "a1 LOGIN fred secret (x", "a1 LOGIN\tfred secret",
        "a1 LOGIN fred \"secret", "a1 LOGIN fred \"secret\\x\"", "a1 LOGIN (fred secret",
        "a1 LOGIN fred  secret", "a1 AUTHENTICATE PLAIN secret)"}) {
    Message m = frame_one(line);
    parse_error(m);
    EXPECT_EQ(excerpt(m, true).find("secret"), std::string::npos) << excerpt(m, true);
    EXPECT_NE(excerpt(m, false).find("secret"), std::string::npos) << line;
  }
}

TEST(ParseCommandRedaction, UserNameStaysVisible) {
  Message m = frame_one("a1 LOGIN fred secret)");
  parse_error(m);
  EXPECT_EQ(excerpt(m, true).find("a1 LOGIN fred"), 0u) << excerpt(m, true);
}

TEST(CommandInfo, EveryNameIsFoundInAnyCase) {
  for (auto i = 0u; i < static_cast<unsigned>(CommandId::kUnknown); ++i) {
    const auto id = static_cast<CommandId>(i);
    const std::string name(command_info(id).name);
    std::string lower = name;
    for (char& c : lower)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(command_info(name).id, id) << name;
    EXPECT_EQ(command_info(lower).id, id) << lower;
    EXPECT_EQ(command_info(name + "X").id, CommandId::kUnknown) << name;
    EXPECT_NE(command_info(name.substr(0, name.size() - 1)).id, id) << name;
  }
}

TEST(CommandInfo, TableLookups) {
  EXPECT_EQ(command_info("SELECT").id, CommandId::kSelect);
  EXPECT_EQ(command_info("UID EXPUNGE").id, CommandId::kUidExpunge);
  EXPECT_EQ(command_info("select").id, CommandId::kSelect);  // names are looked up in any case
  EXPECT_EQ(command_info("uid Expunge").id, CommandId::kUidExpunge);
  EXPECT_EQ(command_info("SELECTX").id, CommandId::kUnknown);
  EXPECT_EQ(command_info("XYZZY").id, CommandId::kUnknown);
  EXPECT_EQ(command_info(CommandId::kLogin).name, "LOGIN");
  EXPECT_TRUE(
      state_allowed(command_info(CommandId::kLogin).states, ConnectionState::kNotAuthenticated));
  EXPECT_FALSE(
      state_allowed(command_info(CommandId::kLogin).states, ConnectionState::kAuthenticated));
  EXPECT_TRUE(state_allowed(command_info(CommandId::kFetch).states, ConnectionState::kSelected));
  EXPECT_FALSE(
      state_allowed(command_info(CommandId::kFetch).states, ConnectionState::kAuthenticated));
  EXPECT_EQ(command_info(CommandId::kUnknown).id, CommandId::kUnknown);
}

}  // namespace
}  // namespace imapscope::analyzer
