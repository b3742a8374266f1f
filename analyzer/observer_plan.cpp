#include "analyzer/observer_plan.h"

#include <stdexcept>

namespace imapscope::analyzer {
namespace {

// Whether `event` for `message` goes to `m`, which handles the event. Events without watched
// sets come with kAnyMessage only: they get no list per message.
bool goes_to(const ObserverPlan::Member& m, SessionEvent event, unsigned message) {
  const std::uint64_t watched = m.watched(event);
  if (message == ObserverPlan::kAnyMessage) return watched != 0;
  const bool has_watched_sets = event == SessionEvent::kCommand ||
                                event == SessionEvent::kUntagged ||
                                event == SessionEvent::kCompletion;
  return has_watched_sets && (watched >> message & 1u) != 0;
}

}  // namespace

ObserverPlan::ObserverPlan(std::span<const Member> members) {
  constexpr auto kEvents = static_cast<std::size_t>(SessionEvent::kCount);
  ranges_.resize(kEvents * kMessages);
  for (std::size_t e = 0; e < kEvents; ++e) {
    const auto event = static_cast<SessionEvent>(e);
    for (unsigned message = 0; message < kMessages; ++message) {
      Range& range = ranges_[e * kMessages + message];
      range.begin = static_cast<std::uint32_t>(offsets_.size());
      for (const Member& m : members) {
        if ((m.events >> e & 1u) == 0 || !goes_to(m, event, message)) continue;
        if (m.offset > UINT32_MAX) throw std::length_error("observer block too large");
        offsets_.push_back(static_cast<std::uint32_t>(m.offset));
      }
      range.size = static_cast<std::uint32_t>(offsets_.size() - range.begin);
    }
  }
}

}  // namespace imapscope::analyzer
