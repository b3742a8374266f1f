#include "analyzer/response.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "tests/analyzer/framed.h"

namespace imapscope::analyzer {
namespace {

using testing::frame_all;
using testing::frame_response;

Response parse_ok(const Message& m) {
  Response r;
  SyntaxError err;
  EXPECT_TRUE(parse_response(m, r, err))
      << m.text << ": column " << err.column << ": expected " << err.expected;
  return r;
}

SyntaxError parse_error(const Message& m) {
  Response r;
  SyntaxError err;
  EXPECT_FALSE(parse_response(m, r, err)) << m.text;
  return err;
}

using Caps = std::vector<std::string_view>;

// The session parses every response into one Response: clear() must leave nothing of the
// last one, yet parse the next as a fresh object would.
TEST(ParseResponse, ClearForgetsEveryField) {
  const Message tagged = frame_response("a1 OK [CAPABILITY IMAP4rev2 IDLE] done\r\n");
  const Message fetch = frame_response("* 7 FETCH (UID 9 FLAGS (\\Seen))\r\n");
  Response r = parse_ok(tagged);
  ASSERT_TRUE(r.code.has_value());
  ASSERT_FALSE(r.capabilities.empty());
  r.clear();
  const Response fresh;
  EXPECT_EQ(r.kind, fresh.kind);
  EXPECT_TRUE(r.tag.empty());
  EXPECT_EQ(r.status, Status::kNone);
  EXPECT_FALSE(r.code.has_value());
  EXPECT_TRUE(r.text.empty());
  EXPECT_TRUE(r.name.empty());
  EXPECT_EQ(r.number, 0u);
  EXPECT_TRUE(r.capabilities.empty());
  EXPECT_TRUE(r.args.empty());
  SyntaxError err;
  ASSERT_TRUE(parse_response(fetch, r, err));
  EXPECT_EQ(r.kind, ResponseKind::kUntaggedNumber);
  EXPECT_EQ(r.number, 7u);
  EXPECT_EQ(r.name, "FETCH");
  EXPECT_FALSE(r.code.has_value());
  EXPECT_TRUE(r.capabilities.empty());
  ASSERT_EQ(r.args.size(), 1u);
  EXPECT_EQ(r.args[0].children.size(), 4u);
}

// RFC 9051 §7.6: continue-req = "+" SP (resp-text / base64) CRLF.
TEST(ParseResponse, Continuation) {
  Message m = frame_response("+ Ready for additional command text");
  Response r = parse_ok(m);
  EXPECT_EQ(r.kind, ResponseKind::kContinuation);
  EXPECT_EQ(r.text, "Ready for additional command text");
  EXPECT_FALSE(r.is_untagged());

  Message empty = frame_response("+ ");
  r = parse_ok(empty);
  EXPECT_EQ(r.kind, ResponseKind::kContinuation);
  EXPECT_EQ(r.text, "");
}

// Servers send a lone "+" before SASL exchanges; it is accepted (the text is empty).
TEST(ParseResponse, BarePlusIsAContinuation) {
  Message m = frame_response("+");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.kind, ResponseKind::kContinuation);
  EXPECT_EQ(r.text, "");
}

TEST(ParseResponse, PlusWithoutSpaceBeforeTextIsAnError) {
  Message m = frame_response("+Ready");
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "continue-req");
  EXPECT_EQ(err.column, 1u);
}

TEST(ParseResponse, TaggedStatus) {
  struct Case {
    std::string_view line;
    Status status;
  };
  for (const Case& c : {Case{"a1 OK done", Status::kOk}, Case{"a1 NO failed", Status::kNo},
                        Case{"a1 bad what", Status::kBad}}) {
    Message m = frame_response(c.line);
    const Response r = parse_ok(m);
    EXPECT_EQ(r.kind, ResponseKind::kTagged) << c.line;
    EXPECT_EQ(r.tag, "a1");
    EXPECT_EQ(r.status, c.status) << c.line;
    EXPECT_FALSE(r.code.has_value());
    EXPECT_EQ(r.text, c.line.substr(c.line.find(' ', 3) + 1));
  }
}

TEST(ParseResponse, TaggedWithResponseCode) {
  Message m = frame_response("A142 OK [READ-WRITE] SELECT completed");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.tag, "A142");
  ASSERT_TRUE(r.code.has_value());
  EXPECT_EQ(r.code->name, "READ-WRITE");
  EXPECT_EQ(r.code->text, "");
  EXPECT_EQ(r.text, "SELECT completed");

  Message code_only = frame_response("a2 NO [TRYCREATE]");
  const Response r2 = parse_ok(code_only);
  ASSERT_TRUE(r2.code.has_value());
  EXPECT_EQ(r2.code->name, "TRYCREATE");
  EXPECT_EQ(r2.text, "");
}

TEST(ParseResponse, ResponseCodeWithArguments) {
  Message m = frame_response("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited");
  const Response r = parse_ok(m);
  ASSERT_TRUE(r.code.has_value());
  EXPECT_EQ(r.code->name, "PERMANENTFLAGS");
  EXPECT_EQ(r.code->text, "(\\Deleted \\Seen \\*)");
  EXPECT_EQ(r.text, "Limited");

  // Brackets inside the code's text are balanced, not taken as its end.
  Message nested = frame_response("* NO [REFERRAL imap://x/[a]] go there");
  const Response r2 = parse_ok(nested);
  ASSERT_TRUE(r2.code.has_value());
  EXPECT_EQ(r2.code->text, "imap://x/[a]");
  EXPECT_EQ(r2.text, "go there");
}

TEST(ParseResponse, CapabilityCodeFillsCapabilities) {
  Message m = frame_response("a1 OK [CAPABILITY IMAP4rev2 AUTH=PLAIN IDLE] Logged in");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.capabilities, (Caps{"IMAP4rev2", "AUTH=PLAIN", "IDLE"}));
  EXPECT_TRUE(r.lists_capability("auth=plain"));
  EXPECT_FALSE(r.lists_capability("AUTH"));
  EXPECT_EQ(r.text, "Logged in");
}

TEST(ParseResponse, UntaggedStatus) {
  struct Case {
    std::string_view line;
    Status status;
  };
  for (const Case& c : {Case{"* OK [UNSEEN 12] Message 12 is first unseen", Status::kOk},
                        Case{"* NO Disk is 98% full", Status::kNo},
                        Case{"* BAD Command line too long", Status::kBad},
                        Case{"* PREAUTH IMAP4rev2 server logged in as Smith", Status::kPreauth},
                        Case{"* BYE Autologout; idle for too long", Status::kBye}}) {
    Message m = frame_response(c.line);
    const Response r = parse_ok(m);
    EXPECT_EQ(r.kind, ResponseKind::kUntaggedStatus) << c.line;
    EXPECT_EQ(r.status, c.status) << c.line;
    EXPECT_TRUE(r.is_untagged());
  }
  Message unseen = frame_response("* OK [UNSEEN 12] Message 12 is first unseen");
  const Response r = parse_ok(unseen);
  ASSERT_TRUE(r.code.has_value());
  EXPECT_EQ(r.code->name, "UNSEEN");
  EXPECT_EQ(r.code->text, "12");
  EXPECT_EQ(r.text, "Message 12 is first unseen");
}

TEST(ParseResponse, GreetingWithCapabilities) {
  Message m = frame_response("* PREAUTH [CAPABILITY IMAP4rev2 STARTTLS] welcome");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.status, Status::kPreauth);
  EXPECT_EQ(r.capabilities, (Caps{"IMAP4rev2", "STARTTLS"}));
}

// RFC 9051 §7.4.1: "* 23 EXISTS".
TEST(ParseResponse, NumberedResponse) {
  Message m = frame_response("* 23 EXISTS");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.kind, ResponseKind::kUntaggedNumber);
  EXPECT_EQ(r.number, 23u);
  EXPECT_EQ(r.name, "EXISTS");
  EXPECT_TRUE(r.args.empty());

  Message max = frame_response("* 4294967295 expunge");
  const Response r2 = parse_ok(max);
  EXPECT_EQ(r2.number, 4294967295u);
  EXPECT_EQ(r2.name, "EXPUNGE");
}

// RFC 9051 §9: number = 1*DIGIT ; unsigned 32-bit integer.
TEST(ParseResponse, NumberTooLargeIsAnError) {
  for (std::string_view line : {"* 4294967296 EXISTS", "* 99999999999999999999999 EXISTS"}) {
    Message m = frame_response(line);
    const SyntaxError err = parse_error(m);
    EXPECT_EQ(err.rule, "number") << line;
    EXPECT_EQ(err.line, 0u);
  }
}

TEST(ParseResponse, CapabilityData) {
  Message m = frame_response("* CAPABILITY IMAP4rev2 IDLE");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.kind, ResponseKind::kUntaggedData);
  EXPECT_EQ(r.name, "CAPABILITY");
  EXPECT_EQ(r.capabilities, (Caps{"IMAP4rev2", "IDLE"}));
  EXPECT_TRUE(r.lists_capability("imap4REV2"));
  EXPECT_TRUE(r.lists_capability("idle"));
  EXPECT_FALSE(r.lists_capability("IMAP4"));
  EXPECT_FALSE(r.lists_capability("IMAP4rev1"));

  Message lower = frame_response("* capability imap4rev1");
  const Response r2 = parse_ok(lower);
  EXPECT_EQ(r2.name, "CAPABILITY");
  EXPECT_TRUE(r2.lists_capability("IMAP4REV1"));
}

// RFC 9051 §9: resp-text-code is preceded by SP ("* OK [ALERT]" has its SP after OK).
TEST(ParseResponse, MissingSpaceBeforeCodeIsAnErrorAtItsColumn) {
  Message m = frame_response("* OK[ALERT] System shutdown in 10 minutes");
  const SyntaxError err = parse_error(m);
  EXPECT_EQ(err.rule, "resp-text");
  EXPECT_EQ(err.column, 4u);
}

TEST(ParseResponse, UnclosedResponseCodeIsAnError) {
  Message m = frame_response("* OK [ALERT System shutdown");
  EXPECT_EQ(parse_error(m).rule, "resp-text-code");
  Message m2 = frame_response("* OK [] x");
  EXPECT_EQ(parse_error(m2).rule, "resp-text-code");
}

TEST(ParseResponse, FlagsData) {
  Message m = frame_response("* FLAGS (\\Seen \\Deleted)");
  const Response r = parse_ok(m);
  EXPECT_EQ(r.kind, ResponseKind::kUntaggedData);
  EXPECT_EQ(r.name, "FLAGS");
  ASSERT_EQ(r.args.size(), 1u);
  ASSERT_EQ(r.args[0].kind, ArgKind::kList);
  ASSERT_EQ(r.args[0].children.size(), 2u);
  EXPECT_EQ(r.args[0].children[0].text, "\\Seen");
  EXPECT_EQ(r.args[0].children[1].text, "\\Deleted");
}

TEST(ParseResponse, FetchWithLiteral) {
  Message m = frame_response("* 12 FETCH (BODY[HEADER] {5}\r\nhello)\r\n");
  ASSERT_EQ(m.literals.size(), 1u);
  const Response r = parse_ok(m);
  EXPECT_EQ(r.kind, ResponseKind::kUntaggedNumber);
  EXPECT_EQ(r.number, 12u);
  EXPECT_EQ(r.name, "FETCH");
  ASSERT_EQ(r.args.size(), 1u);
  const Arg& list = r.args[0];
  ASSERT_EQ(list.kind, ArgKind::kList);
  ASSERT_EQ(list.children.size(), 2u);
  EXPECT_TRUE(list.children[0].is_atom("BODY[HEADER]"));
  EXPECT_EQ(list.children[1].kind, ArgKind::kLiteral);
  EXPECT_EQ(list.children[1].text, "hello");
}

TEST(ParseResponse, FetchWithLiteralCutShortIsAnError) {
  auto messages = frame_all("* 12 FETCH (BODY[] {50}\r\nhel", Direction::kServerToClient);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(parse_error(messages[0]).rule, "literal");
}

TEST(ParseResponse, TaggedErrors) {
  Message bad_status = frame_response("a1 PREAUTH hi");
  SyntaxError err = parse_error(bad_status);
  EXPECT_EQ(err.rule, "resp-cond-state");
  EXPECT_EQ(err.column, 3u);  // at the word that should have been OK, NO or BAD

  Message bad_tag = frame_response("a1+ OK done");
  err = parse_error(bad_tag);
  EXPECT_EQ(err.rule, "tag");
  EXPECT_EQ(err.column, 2u);

  Message no_sp = frame_response("a1");
  EXPECT_EQ(parse_error(no_sp).rule, "response-tagged");
}

TEST(ParseResponse, UntaggedErrors) {
  Message star = frame_response("*");
  SyntaxError err = parse_error(star);
  EXPECT_EQ(err.rule, "response-data");
  EXPECT_EQ(err.column, 1u);

  Message no_name = frame_response("* ");
  EXPECT_EQ(parse_error(no_name).rule, "response-data");

  Message no_caps = frame_response("* CAPABILITY");
  EXPECT_EQ(parse_error(no_caps).rule, "capability-data");

  Message no_name_after_number = frame_response("* 3 ");
  EXPECT_EQ(parse_error(no_name_after_number).rule, "message-data");

  Message unbalanced = frame_response("* LIST (\\Noselect \"/\" foo");
  EXPECT_EQ(parse_error(unbalanced).rule, "list");
}

TEST(ParseResponse, EmptyMessageIsAnError) {
  Message m;
  m.dir = Direction::kServerToClient;
  EXPECT_EQ(parse_error(m).rule, "response");
}

TEST(StatusName, Names) {
  EXPECT_EQ(status_name(Status::kOk), "OK");
  EXPECT_EQ(status_name(Status::kPreauth), "PREAUTH");
  EXPECT_EQ(status_name(Status::kBye), "BYE");
  EXPECT_EQ(status_name(Status::kNone), "");
}

}  // namespace
}  // namespace imapscope::analyzer
