#pragma once
// A rule that looks at every complete message of one direction once, whatever event delivers
// it: a parsed command or response, a message that does not parse, an AUTHENTICATE answer or
// IDLE's DONE, the greeting, a continuation request. Several events can carry one message (a
// greeting that is also handled as another response); the message is checked at the first.
// Messages cut short by the end of the stream are checked too.

#include <cstdint>
#include <limits>

#include "checks/rule.h"

namespace imapscope::checks {

class MessageRule : public Rule {
 public:
  MessageRule(RuleContext& ctx, capture::Direction dir) : Rule(ctx), dir_(dir) {}

  void on_greeting(const analyzer::Response* /*r*/, const analyzer::SyntaxError* /*error*/,
                   const analyzer::MessageInfo& info) final {
    visit(info);
  }
  void on_command(const analyzer::Command& /*cmd*/, const analyzer::MessageInfo& info) final {
    visit(info);
  }
  void on_exchange_line(const analyzer::InFlightCommand* /*command*/,
                        const analyzer::MessageInfo& info) final {
    visit(info);
  }
  void on_continuation(const analyzer::Response& /*r*/, analyzer::ContinuationTarget /*target*/,
                       const analyzer::MessageInfo& info) final {
    visit(info);
  }
  void on_untagged(const analyzer::Response& /*r*/, const analyzer::MessageInfo& info) final {
    visit(info);
  }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* /*cmd*/,
                     const analyzer::MessageInfo& info) final {
    visit(info);
  }
  void on_syntax_error(const analyzer::SyntaxError& /*error*/,
                       const analyzer::MessageInfo& info) final {
    visit(info);
  }
  // Commands are the client's messages, untagged and tagged responses the server's: a rule of
  // one direction has nothing to do with the other's.
  analyzer::CommandWatch watched_commands() const final {
    return dir_ == capture::Direction::kClientToServer ? analyzer::CommandWatch::all()
                                                       : analyzer::CommandWatch::none();
  }
  analyzer::UntaggedWatch watched_untagged() const final {
    return dir_ == capture::Direction::kServerToClient ? analyzer::UntaggedWatch::all()
                                                       : analyzer::UntaggedWatch::none();
  }
  analyzer::CommandWatch watched_completions() const final {
    return dir_ == capture::Direction::kServerToClient ? analyzer::CommandWatch::all()
                                                       : analyzer::CommandWatch::none();
  }

 protected:
  // Called once for each message of the rule's direction.
  virtual void check_message(const analyzer::MessageInfo& info) = 0;

 private:
  void visit(const analyzer::MessageInfo& info) {
    if (info.message.dir != dir_ || info.message.offset == last_offset_) return;
    last_offset_ = info.message.offset;
    check_message(info);
  }

  capture::Direction dir_;
  std::uint64_t last_offset_ = std::numeric_limits<std::uint64_t>::max();
};

}  // namespace imapscope::checks
