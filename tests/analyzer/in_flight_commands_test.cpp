#include "analyzer/in_flight_commands.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace imapscope::analyzer {
namespace {

std::vector<std::string> tags(const InFlightCommands& commands) {
  std::vector<std::string> out;
  for (const InFlightCommand& c : commands.live())
    out.push_back(c.tag);
  return out;
}

void send(InFlightCommands& commands, const std::string& tag) {
  InFlightCommand& c = commands.add();
  c.tag = tag;
  c.excerpt = tag + " FETCH 1:* (FLAGS INTERNALDATE RFC822.SIZE)";
}

TEST(InFlightCommands, RemovingKeepsTheOthersInOrder) {
  InFlightCommands commands;
  for (const char* tag : {"a1", "a2", "a3", "a4"})
    send(commands, tag);
  commands.remove(commands.live()[1]);
  EXPECT_EQ(tags(commands), (std::vector<std::string>{"a1", "a3", "a4"}));
  commands.remove(commands.live()[2]);
  EXPECT_EQ(tags(commands), (std::vector<std::string>{"a1", "a3"}));
  commands.remove(commands.live()[0]);
  EXPECT_EQ(tags(commands), (std::vector<std::string>{"a3"}));
  EXPECT_EQ(commands.size(), 1u);
}

TEST(InFlightCommands, AReusedSlotStartsWithNoUntaggedCounts) {
  InFlightCommands commands;
  send(commands, "a1");
  commands.live()[0].untagged[static_cast<std::size_t>(UntaggedKind::kExpunge)] = 3;
  commands.remove(commands.live()[0]);
  EXPECT_TRUE(commands.empty());
  send(commands, "a2");
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands.live()[0].tag, "a2");
  EXPECT_EQ(commands.live()[0].seen(UntaggedKind::kExpunge), 0u);
}

TEST(InFlightCommands, ClearForgetsEveryCommand) {
  InFlightCommands commands;
  send(commands, "a1");
  send(commands, "a2");
  commands.clear();
  EXPECT_TRUE(commands.empty());
  EXPECT_TRUE(commands.live().empty());
  send(commands, "b1");
  EXPECT_EQ(tags(commands), (std::vector<std::string>{"b1"}));
}

}  // namespace
}  // namespace imapscope::analyzer
