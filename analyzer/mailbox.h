#pragma once
// The selected-mailbox model (RFC 9051 §2.3.1, §2.3.2, §5.2, §7.3-7.5; RFC 7162 for MODSEQ and
// VANISHED): what the client has been told about the mailbox and each message (UID, flags,
// MODSEQ, size), updated by every EXISTS, EXPUNGE, VANISHED, FETCH and response code, so rules
// can judge each new response, and each command, against it.
// Memory grows with the mailbox's message count, up to kMaxTrackedMessages. Every update costs
// O(log n) (amortized), so no sequence of EXISTS/EXPUNGE/FETCH responses is quadratic.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/flag_sets.h"
#include "analyzer/message_data.h"

namespace imapscope::analyzer {

struct MessageRecord {
  std::uint32_t uid = 0;   // 0: not seen yet
  FlagSets::Id flags = 0;  // the flags last seen (SelectedMailbox::message_flags); 0: not seen yet
  std::uint64_t modseq = 0;  // 0: not seen yet
  std::uint64_t size = 0;    // RFC822.SIZE + 1; 0: not seen yet
  bool at_select = false;    // the message was in the mailbox when the selection completed
};

class SelectedMailbox {
 public:
  static constexpr std::uint32_t kMaxTrackedMessages = 1'000'000;

  SelectedMailbox(std::string name, bool examine) : name_(std::move(name)), examine_(examine) {}

  const std::string& name() const { return name_; }
  bool examine() const { return examine_; }
  bool read_only() const { return read_only_; }
  std::uint32_t exists() const { return exists_; }
  bool exists_known() const { return exists_known_; }
  std::optional<std::uint32_t> uidvalidity() const { return uidvalidity_; }
  std::optional<std::uint32_t> uidnext() const { return uidnext_; }
  std::optional<std::uint64_t> highestmodseq() const { return highestmodseq_; }
  const std::optional<std::vector<std::string>>& flags() const { return flags_; }
  const std::optional<std::vector<std::string>>& permanent_flags() const { return permflags_; }
  // The message count and UIDNEXT when the selection completed, for "new message" checks.
  std::uint32_t exists_at_select() const { return exists_at_select_; }
  std::optional<std::uint32_t> uidnext_at_select() const { return uidnext_at_select_; }
  bool selection_complete() const { return selection_complete_; }

  // Messages 1..tracked() have records: min(exists(), kMaxTrackedMessages).
  std::uint32_t tracked() const { return tracked_; }
  // The record of message `seq` (1-based), or null when out of range or not tracked.
  const MessageRecord* message(std::uint32_t seq) const;
  // The flags message `m` was last seen with (FlagSets' form: upper case, sorted), or null
  // when no FETCH gave them.
  const FlagSets::Flags* message_flags(const MessageRecord& m) const {
    return m.flags == FlagSets::kUnknown ? nullptr : &flag_sets_.flags(m.flags);
  }
  // Distinct flag lists held (for tests: lists no message holds are dropped).
  std::size_t distinct_flag_lists() const { return flag_sets_.distinct(); }
  // Calls f(seq, record) for every tracked message, in order.
  template <typename F>
  void for_each_message(F&& f) const {
    std::uint32_t seq = 0;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (alive_[i]) f(++seq, slots_[i]);
    }
  }
  // Tracked messages whose UID is known.
  std::uint32_t known_uids() const { return known_uids_; }
  // The sequence number holding `uid`, or 0. UIDs ascend with sequence numbers (RFC 9051
  // §2.3.1.1), so the messages whose UID is known are bisected by rank: O(log² n), however
  // few UIDs are known. Where a server breaks that order (mailbox.uid-not-ascending), a
  // message may not be found.
  std::uint32_t seq_of_uid(std::uint32_t uid) const;
  // Calls f(seq, record) for every tracked message whose known UID lies in [first, last], in
  // order: O(log² n) to find the first, O(log n) for each. Relies on ascending UIDs as
  // seq_of_uid does.
  template <typename F>
  void for_each_uid_in(std::uint32_t first, std::uint32_t last, F&& f) const {
    const std::uint32_t known = known_uids();
    for (std::uint32_t rank = first_rank_at_or_above(first); rank < known; ++rank) {
      const std::size_t slot = known_slot(rank);
      if (slots_[slot].uid > last) return;
      f(seq_of_slot(slot), slots_[slot]);
    }
  }
  // The nearest message before (`after` false) or after `seq` whose UID is known, at most
  // `window` numbers away: its sequence number, or 0. Walks the slots directly and stops
  // where no known UID can lie, so the usual in-order FETCH costs a step or two.
  std::uint32_t nearest_known_uid(std::uint32_t seq, bool after, std::uint32_t window) const;

  void apply_exists(std::uint32_t n);
  void apply_expunge(std::uint32_t seq);
  void apply_vanished(const SequenceSet& uids);
  void apply_fetch(std::uint32_t seq, const FetchData& d);
  void apply_flags(std::vector<std::string_view> flags);
  // OK [UIDVALIDITY], [UIDNEXT], [PERMANENTFLAGS], [HIGHESTMODSEQ], [READ-ONLY], [READ-WRITE].
  void apply_code(const ResponseCode& code);
  void complete_selection();

 private:
  std::string name_;
  bool examine_;
  bool read_only_ = false;
  std::uint32_t exists_ = 0;
  bool exists_known_ = false;
  std::optional<std::uint32_t> uidvalidity_;
  std::optional<std::uint32_t> uidnext_;
  std::optional<std::uint64_t> highestmodseq_;
  std::optional<std::vector<std::string>> flags_;
  std::optional<std::vector<std::string>> permflags_;
  std::uint32_t exists_at_select_ = 0;
  std::optional<std::uint32_t> uidnext_at_select_;
  bool selection_complete_ = false;
  // The tracked messages in mailbox order, expunged ones included until the next compaction;
  // `alive_` says which are still there and `tree_` (a Fenwick tree over it, 1-based) finds the
  // slot of a sequence number in O(log n), so EXPUNGE does not shift the whole vector.
  // Expunged slots hold no flags (their reference is released at once).
  std::vector<MessageRecord> slots_;
  std::vector<bool> alive_;
  std::vector<std::uint32_t> tree_{0};
  // The same over the alive slots whose UID is known, for lookups by UID.
  std::vector<std::uint32_t> known_tree_{0};
  std::uint32_t known_uids_ = 0;  // what known_tree_ counts
  std::uint32_t tracked_ = 0;     // alive slots: messages 1..tracked_ are tracked
  // Bounds on the slots whose UID is known (first_uid_slot_ > last_uid_slot_: none), so that
  // nearest_known_uid() need not walk past them.
  std::size_t first_uid_slot_ = SIZE_MAX;
  std::size_t last_uid_slot_ = 0;
  FlagSets flag_sets_;

  // Fenwick trees (tree_, known_tree_): the slot holding the k-th counted one (k >= 1), the
  // count in slots [0, slot), and a count changed by one.
  static std::size_t find(const std::vector<std::uint32_t>& tree, std::uint32_t k);
  static std::uint32_t prefix(const std::vector<std::uint32_t>& tree, std::size_t slot);
  static void increment(std::vector<std::uint32_t>& tree, std::size_t slot);
  static void decrement(std::vector<std::uint32_t>& tree, std::size_t slot);
  static void append_to(std::vector<std::uint32_t>& tree, bool counted);
  static void rebuild(std::vector<std::uint32_t>& tree, const std::vector<bool>& counted);

  std::size_t slot_of(std::uint32_t seq) const { return find(tree_, seq); }  // seq <= tracked_
  std::uint32_t seq_of_slot(std::size_t slot) const {                        // an alive slot
    return (slots_.size() == tracked_ ? static_cast<std::uint32_t>(slot) : prefix(tree_, slot)) + 1;
  }
  // The slot of the known UID of rank `rank` (0-based): the rank itself when every slot is
  // alive with its UID known (a mailbox fetched whole, the usual case), else by descent.
  std::size_t known_slot(std::uint32_t rank) const {
    return known_uids_ == slots_.size() ? rank : find(known_tree_, rank + 1);
  }
  // The rank (0-based) among known UIDs of the first one >= uid.
  std::uint32_t first_rank_at_or_above(std::uint32_t uid) const;
  // An alive slot's UID became known (or unknown again): known_tree_ and known_uids_ follow.
  void count_known(std::size_t slot, bool known);
  void append_slot();
  void remove_slot(std::size_t slot);
  void truncate(std::uint32_t count);
  void compact();
};

}  // namespace imapscope::analyzer
