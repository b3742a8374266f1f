#pragma once
// Observers that every session has alike (the checks' rules: the same classes in the same
// order, each session its own instances) are laid out side by side in one block per session.
// Which of them an event goes to depends only on their classes, so it is worked out once, for
// every session: the plan lists, per event and message, the observers' places in the block.
//
// Why: with per-session lists, a session with a couple of hundred connections open read each
// connection's list (tens of cache lines) and objects scattered over the heap for every
// message; the shared plan stays in cache and the block keeps the called observers close.

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include "analyzer/session_observer.h"

namespace imapscope::analyzer {

// The events `Observer` handles: those whose handler it (or a base below SessionObserver)
// overrides. The others' handlers do nothing, so a plan never calls them.
template <typename Observer>
constexpr unsigned events_handled() {
  static_assert(std::is_base_of_v<SessionObserver, Observer>);
  unsigned events = 0;
  const auto add = [&events](bool overridden, SessionEvent event) {
    if (overridden) events |= 1u << static_cast<unsigned>(event);
  };
  // &Observer::f names SessionObserver::f, of type "pointer to member of SessionObserver",
  // exactly when no class between them declares f.
  using O = SessionObserver;
  add(!std::is_same_v<decltype(&Observer::on_greeting), decltype(&O::on_greeting)>,
      SessionEvent::kGreeting);
  add(!std::is_same_v<decltype(&Observer::on_command), decltype(&O::on_command)>,
      SessionEvent::kCommand);
  add(!std::is_same_v<decltype(&Observer::on_literal_announced),
                      decltype(&O::on_literal_announced)>,
      SessionEvent::kLiteralAnnounced);
  add(!std::is_same_v<decltype(&Observer::on_client_literal_data),
                      decltype(&O::on_client_literal_data)>,
      SessionEvent::kClientLiteralData);
  add(!std::is_same_v<decltype(&Observer::on_exchange_line), decltype(&O::on_exchange_line)>,
      SessionEvent::kExchangeLine);
  add(!std::is_same_v<decltype(&Observer::on_continuation), decltype(&O::on_continuation)>,
      SessionEvent::kContinuation);
  add(!std::is_same_v<decltype(&Observer::on_untagged), decltype(&O::on_untagged)>,
      SessionEvent::kUntagged);
  add(!std::is_same_v<decltype(&Observer::on_completion), decltype(&O::on_completion)>,
      SessionEvent::kCompletion);
  add(!std::is_same_v<decltype(&Observer::on_syntax_error), decltype(&O::on_syntax_error)>,
      SessionEvent::kSyntaxError);
  add(!std::is_same_v<decltype(&Observer::on_stream_end), decltype(&O::on_stream_end)>,
      SessionEvent::kStreamEnd);
  return events;
}

class ObserverPlan {
 public:
  // What a message is, for the events whose observers declare what they watch: a CommandId
  // (kCommand, kCompletion) or an UntaggedKind (kUntagged). kAnyMessage stands for a message
  // of no such kind: every other event, and a completion of no command in progress, which goes
  // to every observer that watches any completion.
  static constexpr unsigned kAnyMessage = 64;

  // One observer of the block.
  struct Member {
    std::size_t offset = 0;  // of its SessionObserver, from the start of the block
    unsigned events = 0;     // events_handled()
    CommandWatch commands = CommandWatch::all();
    UntaggedWatch untagged = UntaggedWatch::all();
    CommandWatch completions = CommandWatch::all();

    // The messages of `event` it watches, as WatchSet bits: all of them for the events that
    // have no watched sets.
    std::uint64_t watched(SessionEvent event) const {
      switch (event) {
        case SessionEvent::kCommand:
          return commands.bits();
        case SessionEvent::kUntagged:
          return untagged.bits();
        case SessionEvent::kCompletion:
          return completions.bits();
        default:
          return CommandWatch::all().bits();
      }
    }
  };

  // `members` in the order they are to be called.
  explicit ObserverPlan(std::span<const Member> members);

  // The offsets of the observers that `event` for `message` goes to, in order.
  std::span<const std::uint32_t> targets(SessionEvent event, unsigned message) const {
    const Range r = ranges_[static_cast<std::size_t>(event) * kMessages + message];
    return {offsets_.data() + r.begin, r.size};
  }

 private:
  static constexpr std::size_t kMessages = kAnyMessage + 1;
  struct Range {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
  };
  std::vector<std::uint32_t> offsets_;
  std::vector<Range> ranges_;  // per event, per message
};

}  // namespace imapscope::analyzer
