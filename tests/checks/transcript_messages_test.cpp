// The whole messages the transcript recorder keeps for the HTML transcript view: every line,
// each literal's size and first octets, credentials hidden, each message within its caps.

#include <gtest/gtest.h>

#include <string>

#include "checks/checker.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

checks::Transcript transcript_of(const std::string& text, bool redact = true) {
  TempFile file(text);
  checks::CheckOptions options;
  options.collect_transcript = true;
  options.redact = redact;
  checks::CheckResult r = checks::check_inputs({file.path()}, options);
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.analysis.connections.size(), 1u);
  return r.analysis.connections.empty() ? checks::Transcript{}
                                        : std::move(r.analysis.connections[0].transcript);
}

constexpr const char* kLiteralLogin =
    "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi\n"
    "C: a1 LOGIN {5}\n"
    "S: + go\n"
    "C: alice {7}\n"
    "S: + go\n"
    "C: hunter2\n"
    "S: a1 OK done\n"
    "C: a2 SELECT INBOX\n"
    "S: * 1 EXISTS\n"
    "S: a2 OK [READ-WRITE] done\n"
    "C: a3 FETCH 1 BODY[]\n"
    "S: * 1 FETCH (BODY[] {12}\n"
    "S: Hi\x01  there\n"
    "S: )\n"
    "S: a3 OK done\n";

TEST(TranscriptMessages, KeepsEveryLineAndLiteralOfAMessage) {
  const checks::Transcript t = transcript_of(kLiteralLogin);
  ASSERT_GE(t.messages.size(), 10u);
  const checks::TranscriptMessage& login = t.messages[1];
  EXPECT_EQ(login.kind, checks::MessageKind::kCommand);
  ASSERT_EQ(login.lines.size(), 3u);
  EXPECT_EQ(login.lines[0], "a1 LOGIN {5}");
  EXPECT_EQ(login.lines[1], " {7}");
  EXPECT_EQ(login.lines[2], "");
  ASSERT_EQ(login.literals.size(), 2u);
  EXPECT_EQ(login.literals[0].size, 5u);
  EXPECT_EQ(login.literals[0].head, "alice");
  EXPECT_FALSE(login.literals[0].redacted);
  // LOGIN's password, sent as a literal, is a credential like the quoted one.
  EXPECT_EQ(login.literals[1].size, 7u);
  EXPECT_TRUE(login.literals[1].redacted);
  EXPECT_EQ(login.literals[1].head, "");
  EXPECT_TRUE(login.literals[1].complete);

  // LOGIN is delivered after the continuations that answered its literals, but shown where
  // it starts.
  EXPECT_EQ(t.messages[2].kind, checks::MessageKind::kContinuation);
  EXPECT_EQ(t.messages[2].line, 3u);
  EXPECT_EQ(t.messages[3].kind, checks::MessageKind::kContinuation);
  EXPECT_EQ(t.messages[4].kind, checks::MessageKind::kCompletion);

  const checks::TranscriptMessage& fetch = t.messages[9];
  EXPECT_EQ(fetch.kind, checks::MessageKind::kUntagged);
  ASSERT_EQ(fetch.literals.size(), 1u);
  EXPECT_EQ(fetch.literals[0].size, 12u);
  EXPECT_EQ(fetch.literals[0].head, "Hi\x01  there\r\n");  // the octets as sent
  ASSERT_EQ(fetch.lines.size(), 2u);
  EXPECT_EQ(fetch.lines[0], "* 1 FETCH (BODY[] {12}");
  EXPECT_EQ(fetch.lines[1], ")");
  EXPECT_FALSE(fetch.cut);
}

TEST(TranscriptMessages, ShowCredentialsKeepsThePassword) {
  const checks::Transcript t = transcript_of(kLiteralLogin, false);
  ASSERT_GE(t.messages.size(), 2u);
  ASSERT_EQ(t.messages[1].literals.size(), 2u);
  EXPECT_FALSE(t.messages[1].literals[1].redacted);
  EXPECT_EQ(t.messages[1].literals[1].head, "hunter2");
}

TEST(TranscriptMessages, QuotedPasswordAndControlBytesInLines) {
  const checks::Transcript t = transcript_of(
      "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi\n"
      "C: a1 LOGIN alice \"hunter2\"\n"
      "S: a1 OK do\tne\n");
  ASSERT_EQ(t.messages.size(), 3u);
  ASSERT_EQ(t.messages[1].lines.size(), 1u);
  EXPECT_EQ(t.messages[1].lines[0], "a1 LOGIN alice ***");
  EXPECT_EQ(t.messages[2].lines[0], "a1 OK do\\x09ne");
}

TEST(TranscriptMessages, LongLinesAndLiteralsAreCutWithinTheMessageCap) {
  const std::string body(5000, 'x');
  const std::string text =
      "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi\n"
      "C: a1 NOOP " +
      std::string(3000, 'y') +
      "\n"
      "S: a1 OK done\n"
      "C: a2 APPEND INBOX {5000+}\n"
      "C: " +
      body.substr(0, 4998) +
      "\n"
      "C:\n"
      "S: a2 OK done\n";
  const checks::Transcript t = transcript_of(text);
  ASSERT_EQ(t.messages.size(), 5u);
  const std::string& long_line = t.messages[1].lines.at(0);
  EXPECT_EQ(long_line.size(), checks::kTranscriptLineBytes + 3);
  EXPECT_EQ(long_line.substr(long_line.size() - 3), "...");
  const checks::TranscriptMessage& append = t.messages[3];
  ASSERT_EQ(append.literals.size(), 1u);
  EXPECT_EQ(append.literals[0].size, 5000u);
  EXPECT_EQ(append.literals[0].head.size(), checks::kTranscriptLiteralHead);
  std::size_t kept = 0;
  for (const std::string& l : append.lines)
    kept += l.size();
  for (const checks::TranscriptLiteral& l : append.literals)
    kept += l.head.size();
  EXPECT_LE(kept, checks::kTranscriptBytesPerMessage + 3);
}

}  // namespace
}  // namespace imapscope::testing
