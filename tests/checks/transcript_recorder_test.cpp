// The bounded transcript the checker records for the HTML ladder (CheckOptions::
// collect_transcript): one entry per message, first line redacted, capped.

#include <gtest/gtest.h>

#include <string>

#include "checks/checker.h"
#include "checks/transcript_recorder.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using checks::MessageKind;

checks::Analysis check(const std::string& transcript, bool collect) {
  TempFile file(transcript);
  checks::CheckOptions options;
  options.collect_transcript = collect;
  checks::CheckResult r = checks::check_inputs({file.path()}, options);
  EXPECT_FALSE(r.error.has_value());
  return std::move(r.analysis);
}

TEST(TranscriptRecorder, NotCollectedUnlessAsked) {
  const checks::Analysis a = check("S: * OK hi\nC: a1 NOOP\nS: a1 OK done\n", false);
  ASSERT_EQ(a.connections.size(), 1u);
  EXPECT_FALSE(a.connections[0].transcript.collected);
  EXPECT_TRUE(a.connections[0].transcript.messages.empty());
}

TEST(TranscriptRecorder, RecordsEveryMessageInOrderRedacted) {
  const checks::Analysis a = check(
      "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi\n"
      "C: a1 LOGIN alice hunter2\n"
      "S: a1 OK done\n"
      "C: a2 AUTHENTICATE PLAIN\n"
      "S: +\n"
      "C: AGFsaWNlAGh1bnRlcjI=\n"
      "S: a2 NO already\n"
      "C: a3 (\n"
      "S: * 1 EXISTS\n"
      "S: a3 BAD syntax\n",
      true);
  ASSERT_EQ(a.connections.size(), 1u);
  const checks::Transcript& t = a.connections[0].transcript;
  EXPECT_TRUE(t.collected);
  EXPECT_EQ(t.omitted, 0u);
  ASSERT_EQ(t.messages.size(), 10u);
  const MessageKind kinds[] = {MessageKind::kGreeting,     MessageKind::kCommand,
                               MessageKind::kCompletion,   MessageKind::kCommand,
                               MessageKind::kContinuation, MessageKind::kExchange,
                               MessageKind::kCompletion,   MessageKind::kUnparsed,
                               MessageKind::kUntagged,     MessageKind::kCompletion};
  for (std::size_t i = 0; i < t.messages.size(); ++i) {
    EXPECT_EQ(t.messages[i].kind, kinds[i]) << i;
    EXPECT_EQ(t.messages[i].line, i + 1) << i;
  }
  EXPECT_EQ(t.messages[1].excerpt, "a1 LOGIN alice ***");
  EXPECT_EQ(t.messages[1].tag, "a1");
  EXPECT_EQ(t.messages[1].direction, capture::Direction::kClientToServer);
  EXPECT_EQ(t.messages[2].tag, "a1");
  EXPECT_EQ(t.messages[2].direction, capture::Direction::kServerToClient);
  EXPECT_EQ(t.messages[5].excerpt, "***");  // a SASL answer is a credential
  EXPECT_EQ(t.messages[5].tag, "a2");
  // Offsets count in each direction's stream: "* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi\r\n".
  EXPECT_EQ(t.messages[0].offset, 0u);
  EXPECT_EQ(t.messages[1].offset, 0u);
  EXPECT_EQ(t.messages[2].offset, 43u);
}

TEST(TranscriptRecorder, CapsPerConnectionAndCountsTheRest) {
  std::string text = "S: * OK [CAPABILITY IMAP4rev2] hi\n";
  for (int i = 0; i < 1100; ++i)
    text += "C: a" + std::to_string(i) + " NOOP\nS: a" + std::to_string(i) + " OK done\n";
  const checks::Analysis a = check(text, true);
  const checks::Transcript& t = a.connections.at(0).transcript;
  EXPECT_EQ(t.messages.size(), checks::kTranscriptMessagesPerConnection);
  EXPECT_EQ(t.omitted, 1 + 2200 - checks::kTranscriptMessagesPerConnection);
}

TEST(TranscriptRecorder, SharedBudgetBoundsAllConnections) {
  std::size_t budget = 3;
  checks::TranscriptRecorder first(10, budget), second(10, budget);
  analyzer::Message m;
  m.text = "a1 NOOP";
  m.lines.push_back({0, 7, 0, false, false});
  const analyzer::MessageInfo info{m, true};
  for (int i = 0; i < 2; ++i) {
    first.on_exchange_line(nullptr, info);
    second.on_exchange_line(nullptr, info);
  }
  const checks::Transcript a = first.take(), b = second.take();
  EXPECT_EQ(a.messages.size() + b.messages.size(), 3u);
  EXPECT_EQ(a.omitted + b.omitted, 1u);
  EXPECT_EQ(budget, 0u);
  EXPECT_EQ(a.messages[0].excerpt, "a1 NOOP");
}

}  // namespace
}  // namespace imapscope::testing
