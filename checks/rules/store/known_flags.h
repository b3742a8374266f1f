#pragma once
// The flags a client was last told each message has (RFC 9051 §7.5.2, FETCH FLAGS), followed
// through EXPUNGE (§7.5.1: "each message with a sequence number greater than this message's
// ... is decremented by one"), for store.fetch-missing. Built to stay small and cheap however
// long the session:
// - at most `capacity` messages, and only those whose flags were seen;
// - flag sets are interned: a mailbox's messages share a handful of flag combinations, so a
//   message costs one 12-byte entry, not a std::set of strings of its own;
// - the UID each message was last seen with is indexed, so a UID STORE finds its messages in
//   O(log n) per UID instead of walking every known message (UIDs are "strictly ascending",
//   §2.3.1.1, but a server may break that: the index does not rely on it).
// Numbers are message sequence numbers; a UID of 0 means not seen.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace imapscope::checks {

class KnownFlags {
 public:
  using FlagSet = std::set<std::string>;  // upper case, as store.fetch-missing compares them

  explicit KnownFlags(std::size_t capacity) : capacity_(capacity) {}

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // The flags of message `seq`, or null when they were not seen.
  const FlagSet* flags(std::uint32_t seq) const;
  // Records the flags of `seq` and the UID it has (0: unknown). A new message past the
  // capacity is not recorded.
  void set(std::uint32_t seq, FlagSet flags, std::uint32_t uid);
  // Message `seq` was seen with `uid`; nothing happens when its flags are not known.
  void set_uid(std::uint32_t seq, std::uint32_t uid);
  // The UID recorded with `seq` (0: none).
  std::uint32_t uid(std::uint32_t seq) const;
  // Calls f(seq) for every known message recorded with `uid`, in sequence order.
  template <typename F>
  void for_each_with_uid(std::uint32_t uid, F&& f) const {
    auto it = lower_uid(by_uid_, std::make_pair(uid, 0u));
    for (; it != by_uid_.end() && it->first == uid; ++it)
      f(it->second);
  }
  // Calls f(seq, flags) for every known message, in sequence order.
  template <typename F>
  void for_each(F&& f) const {
    for (const Entry& e : entries_)
      f(e.seq, where_[e.set]->first);
  }
  // Message `n` was expunged: it is forgotten and later numbers move down by one.
  void expunge(std::uint32_t n);
  void clear();

  // Distinct flag sets held (for tests of the interning).
  std::size_t distinct_sets() const { return ids_.size(); }

 private:
  struct Entry {
    std::uint32_t seq = 0;
    std::uint32_t uid = 0;
    std::uint32_t set = 0;  // interned id: where_[set]
  };
  struct Interned {
    std::uint32_t id = 0;
    std::uint32_t refs = 0;
  };

  // The first of `entries` (entries_) numbered `seq` or more, and the first pair of `by_uid`
  // (by_uid_) not less than `key`. Known messages are spread over the mailbox fairly evenly,
  // and UIDs ascend with them (RFC 9051 §2.3.1.1), so each is first looked for where its
  // number would put it: a read or two where a binary search touched a dozen cold cache lines
  // per FETCH, with hundreds of connections open.
  template <typename Entries>
  static auto lower_seq(Entries& entries, std::uint32_t seq) -> decltype(entries.begin()) {
    const auto less = [](const Entry& e, std::uint32_t s) { return e.seq < s; };
    if (entries.empty()) return entries.end();
    return lower_bound_near(entries.begin(), entries.end(),
                            guess(seq, entries.front().seq, entries.back().seq, entries.size()),
                            seq, less);
  }
  template <typename Pairs>
  static auto lower_uid(Pairs& by_uid, std::pair<std::uint32_t, std::uint32_t> key)
      -> decltype(by_uid.begin()) {
    const auto less = [](const auto& a, const auto& b) { return a < b; };
    if (by_uid.empty()) return by_uid.end();
    return lower_bound_near(
        by_uid.begin(), by_uid.end(),
        guess(key.first, by_uid.front().first, by_uid.back().first, by_uid.size()), key, less);
  }
  // Where `key` would be among `n` sorted keys running evenly from `lo` to `hi`.
  static std::ptrdiff_t guess(std::uint64_t key, std::uint64_t lo, std::uint64_t hi,
                              std::size_t n) {
    if (key <= lo || hi <= lo) return 0;
    if (key >= hi) return static_cast<std::ptrdiff_t>(n - 1);
    return static_cast<std::ptrdiff_t>((key - lo) * (n - 1) / (hi - lo));
  }
  // The lower bound of `key` in sorted [begin, end), looked for a few steps either way from
  // begin + `at` before bisecting.
  template <typename It, typename Key, typename Less>
  static It lower_bound_near(It begin, It end, std::ptrdiff_t at, const Key& key, Less less) {
    It it = begin + at;
    for (int step = 0; step < 8; ++step) {
      if (it != end && less(*it, key)) {
        ++it;
      } else if (it != begin && !less(*(it - 1), key)) {
        --it;
      } else {
        return it;
      }
    }
    return std::lower_bound(begin, end, key, less);
  }
  std::vector<Entry>::iterator find(std::uint32_t seq);
  std::vector<Entry>::const_iterator find(std::uint32_t seq) const;
  std::uint32_t intern(FlagSet flags);
  void release(std::uint32_t id);
  void index_uid(std::uint32_t uid, std::uint32_t seq);
  void unindex_uid(std::uint32_t uid, std::uint32_t seq);

  std::size_t capacity_;
  std::vector<Entry> entries_;                                   // sorted by seq
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_uid_;  // (uid, seq), sorted
  std::map<FlagSet, Interned> ids_;                              // each distinct set once
  std::vector<std::map<FlagSet, Interned>::iterator> where_;     // id → its node in ids_
  std::vector<std::uint32_t> free_ids_;
};

}  // namespace imapscope::checks
