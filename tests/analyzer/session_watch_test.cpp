// An observer that declares the commands and responses it watches is called for those only
// (SessionObserver::watched_commands, watched_untagged, watched_completions); one that declares
// nothing sees everything.

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace imapscope::analyzer
