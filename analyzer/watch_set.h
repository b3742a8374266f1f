#pragma once
// Which messages of one kind an observer acts on: a set of command ids, or of kinds of untagged
// response. A session with a couple of hundred rules hands each message only to the rules that
// watch it (SessionObserver::watched_commands, watched_untagged), instead of calling every rule
// that handles the event for it to return at once: on command-heavy traffic those calls, each
// touching another rule's memory, were the largest cost of the replay.

#include <cstdint>
#include <initializer_list>

namespace imapscope::analyzer {

// A set of enumerators numbered below 64.
template <typename Enum>
class WatchSet {
 public:
  // Every value: what an observer that declares nothing watches.
  static constexpr WatchSet all() { return WatchSet(~std::uint64_t{0}); }
  static constexpr WatchSet none() { return WatchSet(std::uint64_t{0}); }

  constexpr WatchSet(std::initializer_list<Enum> values) {
    for (Enum e : values)
      bits_ |= bit(e);
  }

  constexpr bool contains(Enum e) const { return (bits_ & bit(e)) != 0; }
  // Both sets' values: a shared set plus what one observer adds to it.
  constexpr WatchSet operator|(WatchSet other) const { return WatchSet(bits_ | other.bits_); }
  constexpr std::uint64_t bits() const { return bits_; }

  static constexpr std::uint64_t bit(Enum e) {
    static_assert(sizeof(Enum) == 1, "a small enumeration");
    return std::uint64_t{1} << (static_cast<unsigned>(e) & 63u);
  }

 private:
  explicit constexpr WatchSet(std::uint64_t bits) : bits_(bits) {}
  std::uint64_t bits_ = 0;
};

}  // namespace imapscope::analyzer
