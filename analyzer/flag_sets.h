#pragma once
// The flag lists a mailbox's messages were last seen with (RFC 9051 §2.3.2; FETCH FLAGS,
// §7.5.2), interned. A mailbox's messages share a handful of flag combinations, so a message
// holds a 4-byte id, not strings of its own, and most FETCH responses, which repeat the flags
// a message already had, are matched against its list without building anything.
//
// Lists are held as every rule compares flags: upper case (a client's "\seen" is the server's
// "\Seen"), sorted, each flag once. \Recent (RFC 3501 §2.3.2, deprecated by RFC 9051) is kept:
// it is what the server said; a rule that must not count it skips it.
// Ids are reference-counted, so a list no message holds any more is dropped: however many
// distinct lists a hostile server sends, the table never holds more of them than messages,
// and never more than kMaxBytes of them: past that, a new list is not learned (the message's
// flags become unknown, which rules read as "not seen").

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace imapscope::analyzer {

class FlagSets {
 public:
  using Id = std::uint32_t;
  static constexpr Id kUnknown = 0;  // the flags were not seen
  static constexpr std::size_t kMaxBytes = 4u << 20;
  using Flags = std::vector<std::string>;

  FlagSets() = default;
  // Entries point into ids_: a move keeps the nodes (and so the pointers), a copy would not.
  FlagSets(const FlagSets&) = delete;
  FlagSets& operator=(const FlagSets&) = delete;
  FlagSets(FlagSets&&) = default;
  FlagSets& operator=(FlagSets&&) = default;

  // The id of `flags` (as a FETCH gives them) for a message that had `current`: `current`
  // itself when the lists are the same, otherwise a new reference, `current`'s released.
  Id assign(Id current, const std::vector<std::string_view>& flags);
  // Drops one reference to `id` (kUnknown: nothing).
  void release(Id id);
  // The list of `id`, which is not kUnknown.
  const Flags& flags(Id id) const { return entries_[id - 1].node->first; }
  // Distinct lists held (for tests of the reference counts), and what they cost: their
  // flags' lengths plus a fixed overhead per flag and per list.
  std::size_t distinct() const { return ids_.size(); }
  std::size_t bytes() const { return bytes_; }

  // `flags` in the held form: upper case, sorted, each once.
  static Flags canonical(const std::vector<std::string_view>& flags);

 private:
  struct Entry {
    std::map<Flags, Id>::iterator node;  // the list, in ids_
    std::uint32_t refs = 0;              // 0: free, node is stale
  };
  bool same(Id id, const std::vector<std::string_view>& flags) const;
  static std::size_t cost(const Flags& flags);

  std::map<Flags, Id> ids_;     // each held list once, with its id
  std::vector<Entry> entries_;  // id - 1 → its node in ids_
  std::vector<Id> free_;
  std::size_t bytes_ = 0;
};

}  // namespace imapscope::analyzer
