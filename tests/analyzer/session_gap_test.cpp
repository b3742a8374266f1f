// What a gap in the input does to the replay: the direction's framer drops the message it was
// in and starts afresh, offsets stay true to the stream, and the session says it lost context.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzer/framer.h"
#include "analyzer/session.h"

namespace imapscope::analyzer {
namespace {

class Commands final : public SessionObserver {
 public:
  void on_command(const Command& command, const MessageInfo& info) override {
    seen.push_back(std::string(command.tag) + "@" + std::to_string(info.message.offset));
  }
  void on_syntax_error(const SyntaxError& /*error*/, const MessageInfo& info) override {
    seen.push_back("error:" + std::string(info.message.first_line()));
  }
  std::vector<std::string> seen;
};

TEST(SessionGap, FramerStartsAfreshAfterTheGap) {
  Session s;
  Commands c;
  s.add_observer(&c);
  s.feed(Direction::kServerToClient, "* OK hi\r\n", {});
  s.feed(Direction::kClientToServer, "a1 NOOP\r\na2 SEL", {});
  EXPECT_FALSE(s.had_gap());
  s.on_gap(Direction::kClientToServer, 10);  // "ECT INBOX\r\n" minus a byte, say
  EXPECT_TRUE(s.had_gap());
  s.feed(Direction::kClientToServer, "a3 NOOP\r\n", {});
  s.finish();
  // a2's beginning is dropped, not delivered as a broken command; a3's offset counts the gap.
  EXPECT_EQ(c.seen, (std::vector<std::string>{"a1@0", "a3@25"}));
}

TEST(SessionGap, LiteralInProgressIsAbandoned) {
  Session s;
  Commands c;
  s.add_observer(&c);
  s.feed(Direction::kServerToClient, "* OK hi\r\n", {});
  s.feed(Direction::kClientToServer, "a1 APPEND INBOX {100+}\r\npartial", {});
  s.on_gap(Direction::kClientToServer, 50);
  s.feed(Direction::kClientToServer, "a2 NOOP\r\n", {});
  s.finish();
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_TRUE(c.seen[0].starts_with("a2@")) << c.seen[0];
}

}  // namespace
}  // namespace imapscope::analyzer
