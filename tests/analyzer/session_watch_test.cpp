// An observer that declares the commands and responses it watches is called for those only
// (SessionObserver::watched_commands, watched_untagged, watched_completions); one that declares
// nothing sees everything. The same holds for observers laid out in a block and dispatched by
// an ObserverPlan, which also skips the events an observer's class does not handle.

#include <gtest/gtest.h>

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/session.h"

namespace imapscope::analyzer {
namespace {

class Log : public SessionObserver {
 public:
  void on_command(const Command& command, const MessageInfo& /*info*/) override {
    events.push_back("command " + command.name);
  }
  void on_untagged(const Response& response, const MessageInfo& /*info*/) override {
    events.push_back("untagged " + response.name);
  }
  void on_completion(const Response& response, const InFlightCommand* command,
                     const MessageInfo& /*info*/) override {
    events.push_back("completion " + std::string(response.tag) + " " +
                     (command != nullptr ? command->name : std::string("none")));
  }
  std::vector<std::string> events;
};

class Watching final : public Log {
 public:
  CommandWatch watched_commands() const override { return {CommandId::kNoop}; }
  UntaggedWatch watched_untagged() const override { return {UntaggedKind::kExpunge}; }
  CommandWatch watched_completions() const override { return {CommandId::kSelect}; }
};

void replay(Session& s, std::string_view client, std::string_view server_greeting,
            std::string_view server) {
  s.feed(Direction::kServerToClient, server_greeting, {});
  s.feed(Direction::kClientToServer, client, {});
  s.feed(Direction::kServerToClient, server, {});
  s.finish();
}

TEST(SessionWatch, ObserversAreCalledForWhatTheyWatchOnly) {
  Session s;
  Log all;
  Watching some;
  s.add_observer(&all);
  s.add_observer(&some);
  replay(s, "a1 SELECT INBOX\r\na2 NOOP\r\na3 FETCH 1 FLAGS\r\n",
         "* OK [CAPABILITY IMAP4rev2] ready\r\n",
         "* 2 EXISTS\r\n* FLAGS ()\r\na1 OK [READ-WRITE] done\r\n* 1 EXPUNGE\r\na2 OK done\r\n"
         "* 1 FETCH (FLAGS ())\r\na3 OK done\r\nzz OK stray\r\n");
  EXPECT_EQ(all.events,
            (std::vector<std::string>{"command SELECT", "command NOOP", "command FETCH",
                                      "untagged EXISTS", "untagged FLAGS", "completion a1 SELECT",
                                      "untagged EXPUNGE", "completion a2 NOOP", "untagged FETCH",
                                      "completion a3 FETCH", "completion zz none"}));
  // A tagged response that completes no command goes to every observer of completions.
  EXPECT_EQ(some.events, (std::vector<std::string>{"command NOOP", "completion a1 SELECT",
                                                   "untagged EXPUNGE", "completion zz none"}));
}

TEST(SessionWatch, UnionHoldsBothSets) {
  constexpr UntaggedWatch both =
      UntaggedWatch{UntaggedKind::kOk} | UntaggedWatch{UntaggedKind::kExpunge};
  static_assert(both.contains(UntaggedKind::kOk) && both.contains(UntaggedKind::kExpunge));
  EXPECT_FALSE(both.contains(UntaggedKind::kFetch));
}

// Handles the greeting only, through a base that is not SessionObserver.
class GreetingBase : public SessionObserver {
 public:
  void on_greeting(const Response* /*response*/, const SyntaxError* /*error*/,
                   const MessageInfo& /*info*/) override {
    ++greetings;
  }
  int greetings = 0;
};
class GreetingOnly final : public GreetingBase {};

constexpr unsigned bit(SessionEvent e) {
  return 1u << static_cast<unsigned>(e);
}

TEST(SessionWatch, EventsHandledAreTheOverriddenOnes) {
  static_assert(events_handled<SessionObserver>() == 0);
  static_assert(events_handled<GreetingOnly>() == bit(SessionEvent::kGreeting));
  static_assert(events_handled<Watching>() ==
                (bit(SessionEvent::kCommand) | bit(SessionEvent::kUntagged) |
                 bit(SessionEvent::kCompletion)));
  EXPECT_EQ(events_handled<Log>(), events_handled<Watching>());
}

// Three observers side by side, as checks::RuleSet lays out rules.
struct Block {
  Log all;
  Watching some;
  GreetingOnly greeting;
};

std::size_t offset_in(const Block& block, const SessionObserver& o) {
  return static_cast<std::size_t>(reinterpret_cast<const std::byte*>(&o) -
                                  reinterpret_cast<const std::byte*>(&block));
}

TEST(SessionWatch, BlockObserversFollowThePlan) {
  Block block;
  const ObserverPlan::Member members[] = {
      {offset_in(block, block.all), events_handled<Log>(), block.all.watched_commands(),
       block.all.watched_untagged(), block.all.watched_completions()},
      {offset_in(block, block.some), events_handled<Watching>(), block.some.watched_commands(),
       block.some.watched_untagged(), block.some.watched_completions()},
      {offset_in(block, block.greeting), events_handled<GreetingOnly>()},
  };
  const ObserverPlan plan(members);
  EXPECT_EQ(plan.targets(SessionEvent::kGreeting, ObserverPlan::kAnyMessage).size(), 1u);
  EXPECT_EQ(plan.targets(SessionEvent::kCommand, static_cast<unsigned>(CommandId::kNoop)).size(),
            2u);
  EXPECT_EQ(plan.targets(SessionEvent::kCommand, static_cast<unsigned>(CommandId::kFetch)).size(),
            1u);
  EXPECT_TRUE(plan.targets(SessionEvent::kStreamEnd, ObserverPlan::kAnyMessage).empty());

  Session s;
  s.set_observer_block(plan, reinterpret_cast<std::byte*>(&block));
  Log after;  // added with add_observer: called after the block's observers
  s.add_observer(&after);
  replay(s, "a1 SELECT INBOX\r\na2 NOOP\r\na3 FETCH 1 FLAGS\r\n",
         "* OK [CAPABILITY IMAP4rev2] ready\r\n",
         "* 2 EXISTS\r\n* FLAGS ()\r\na1 OK [READ-WRITE] done\r\n* 1 EXPUNGE\r\na2 OK done\r\n"
         "* 1 FETCH (FLAGS ())\r\na3 OK done\r\nzz OK stray\r\n");
  const std::vector<std::string> everything{
      "command SELECT", "command NOOP",         "command FETCH",     "untagged EXISTS",
      "untagged FLAGS", "completion a1 SELECT", "untagged EXPUNGE",  "completion a2 NOOP",
      "untagged FETCH", "completion a3 FETCH",  "completion zz none"};
  EXPECT_EQ(block.all.events, everything);
  EXPECT_EQ(after.events, everything);
  EXPECT_EQ(block.some.events,
            (std::vector<std::string>{"command NOOP", "completion a1 SELECT", "untagged EXPUNGE",
                                      "completion zz none"}));
  EXPECT_EQ(block.greeting.greetings, 1);
}

}  // namespace
}  // namespace imapscope::analyzer
