#include "analyzer/mailbox.h"

#include <algorithm>
#include <utility>

namespace imapscope::analyzer {

namespace {

std::size_t lowbit(std::size_t i) {
  return i & (~i + 1);
}

}  // namespace

std::size_t SelectedMailbox::find(const std::vector<std::uint32_t>& tree, std::uint32_t k) {
  // The smallest 1-based index whose prefix count reaches k (Fenwick descent).
  std::size_t pos = 0;
  std::size_t step = 1;
  while (step * 2 < tree.size())
    step *= 2;
  std::uint32_t left = k;
  for (; step > 0; step /= 2) {
    if (pos + step < tree.size() && tree[pos + step] < left) {
      pos += step;
      left -= tree[pos];
    }
  }
  return pos;  // 0-based slot = (1-based index) - 1
}

std::uint32_t SelectedMailbox::prefix(const std::vector<std::uint32_t>& tree, std::size_t slot) {
  std::uint32_t sum = 0;
  for (std::size_t i = slot; i > 0; i -= lowbit(i))
    sum += tree[i];
  return sum;
}

void SelectedMailbox::increment(std::vector<std::uint32_t>& tree, std::size_t slot) {
  for (std::size_t i = slot + 1; i < tree.size(); i += lowbit(i))
    ++tree[i];
}

void SelectedMailbox::decrement(std::vector<std::uint32_t>& tree, std::size_t slot) {
  for (std::size_t i = slot + 1; i < tree.size(); i += lowbit(i))
    --tree[i];
}

void SelectedMailbox::append_to(std::vector<std::uint32_t>& tree, bool counted) {
  const std::size_t i = tree.size();  // the new slot's 1-based index
  // tree[i] counts the slots in (i - lowbit(i), i].
  tree.push_back((counted ? 1 : 0) + prefix(tree, i - 1) - prefix(tree, i - lowbit(i)));
}

void SelectedMailbox::rebuild(std::vector<std::uint32_t>& tree, const std::vector<bool>& counted) {
  const std::size_t n = counted.size();
  tree.assign(n + 1, 0);
  for (std::size_t i = 1; i <= n; ++i) {
    if (counted[i - 1]) tree[i] += 1;
    if (const std::size_t up = i + lowbit(i); up <= n) tree[up] += tree[i];
  }
}

void SelectedMailbox::append_slot() {
  slots_.emplace_back();
  alive_.push_back(true);
  append_to(tree_, true);
  append_to(known_tree_, false);  // its UID is not known yet
  ++tracked_;
}

void SelectedMailbox::count_known(std::size_t slot, bool known) {
  if (known) {
    increment(known_tree_, slot);
    ++known_uids_;
  } else {
    decrement(known_tree_, slot);
    --known_uids_;
  }
}

void SelectedMailbox::remove_slot(std::size_t slot) {
  alive_[slot] = false;
  flag_sets_.release(std::exchange(slots_[slot].flags, FlagSets::kUnknown));
  decrement(tree_, slot);
  if (slots_[slot].uid != 0) count_known(slot, false);
  --tracked_;
  // Dead slots are dropped once they outnumber the living: amortized O(1) per removal.
  if (slots_.size() > 64 && slots_.size() - tracked_ > tracked_) compact();
}

void SelectedMailbox::truncate(std::uint32_t count) {
  if (count >= tracked_) return;
  // A prefix of a Fenwick tree is the tree of that prefix.
  const std::size_t keep = count == 0 ? 0 : slot_of(count) + 1;
  for (std::size_t i = keep; i < slots_.size(); ++i)
    flag_sets_.release(slots_[i].flags);
  slots_.resize(keep);
  alive_.resize(keep);
  tree_.resize(keep + 1);
  known_tree_.resize(keep + 1);
  known_uids_ = prefix(known_tree_, keep);
  tracked_ = count;
  if (keep == 0 || first_uid_slot_ >= keep) {
    first_uid_slot_ = SIZE_MAX;
    last_uid_slot_ = 0;
  } else {
    last_uid_slot_ = std::min(last_uid_slot_, keep - 1);
  }
}

void SelectedMailbox::compact() {
  std::size_t out = 0;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (alive_[i]) slots_[out++] = slots_[i];
  }
  slots_.resize(out);
  alive_.assign(out, true);
  first_uid_slot_ = SIZE_MAX;
  last_uid_slot_ = 0;
  for (std::size_t i = 0; i < out; ++i) {
    if (slots_[i].uid == 0) continue;
    first_uid_slot_ = std::min(first_uid_slot_, i);
    last_uid_slot_ = i;
  }
  rebuild(tree_, alive_);
  std::vector<bool> known(out);
  known_uids_ = 0;
  for (std::size_t i = 0; i < out; ++i) {
    known[i] = slots_[i].uid != 0;
    if (known[i]) ++known_uids_;
  }
  rebuild(known_tree_, known);
}

const MessageRecord* SelectedMailbox::message(std::uint32_t seq) const {
  if (seq == 0 || seq > tracked_) return nullptr;
  // No expunged slot waits for compaction: the slot is the number (the usual case).
  if (slots_.size() == tracked_) return &slots_[seq - 1];
  return &slots_[slot_of(seq)];
}

std::uint32_t SelectedMailbox::nearest_known_uid(std::uint32_t seq, bool after,
                                                 std::uint32_t window) const {
  if (seq == 0 || seq > tracked_ || first_uid_slot_ > last_uid_slot_) return 0;
  std::size_t slot = slots_.size() == tracked_ ? seq - 1 : slot_of(seq);
  std::uint32_t n = seq;
  // Expunged slots awaiting compaction are stepped over too; past this many steps they are
  // many, and the numbers are looked up one by one instead (O(log n) each), so a call stays
  // bounded by the window whatever the EXPUNGEs left behind.
  std::size_t steps = 4 * static_cast<std::size_t>(window) + 64;
  for (std::uint32_t k = 1; k <= window; ++k) {
    // The next alive slot in the direction, unless no known UID lies that way.
    do {
      if (after ? slot >= last_uid_slot_ : slot <= first_uid_slot_) return 0;
      if (--steps == 0) {
        for (; k <= window && (after ? seq + std::uint64_t{k} <= tracked_ : k < seq); ++k) {
          const std::uint32_t m = after ? seq + k : seq - k;
          if (message(m)->uid != 0) return m;
        }
        return 0;
      }
      slot = after ? slot + 1 : slot - 1;
    } while (!alive_[slot]);
    n = after ? n + 1 : n - 1;
    if (slots_[slot].uid != 0) return n;
  }
  return 0;
}

std::uint32_t SelectedMailbox::first_rank_at_or_above(std::uint32_t uid) const {
  std::uint32_t lo = 0;
  std::uint32_t hi = known_uids_;
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    if (slots_[known_slot(mid)].uid < uid) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::uint32_t SelectedMailbox::seq_of_uid(std::uint32_t uid) const {
  if (uid == 0) return 0;
  const std::uint32_t rank = first_rank_at_or_above(uid);
  if (rank >= known_uids()) return 0;
  const std::size_t slot = known_slot(rank);
  return slots_[slot].uid == uid ? seq_of_slot(slot) : 0;
}

void SelectedMailbox::apply_exists(std::uint32_t n) {
  exists_ = n;
  exists_known_ = true;
  const std::uint32_t target = std::min(n, kMaxTrackedMessages);
  truncate(target);
  while (tracked_ < target)
    append_slot();
}

void SelectedMailbox::apply_expunge(std::uint32_t seq) {
  // RFC 9051 §7.5.1: each later message's number immediately decrements by one.
  if (seq == 0 || seq > exists_) return;
  if (seq <= tracked_) remove_slot(slot_of(seq));
  --exists_;
}

void SelectedMailbox::apply_vanished(const SequenceSet& uids) {
  // RFC 7162 §3.2.10: VANISHED (without EARLIER) removes those messages like EXPUNGE does.
  std::uint32_t removed = 0;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const std::uint32_t uid = slots_[i].uid;
    if (alive_[i] && uid != 0 && uids.contains(uid, UINT32_MAX)) {
      alive_[i] = false;
      flag_sets_.release(std::exchange(slots_[i].flags, FlagSets::kUnknown));
      ++removed;
    }
  }
  if (removed > 0) {
    tracked_ -= removed;
    compact();
  }
  // A VANISHED set may name UIDs that never existed ("20:30" for 20 and 30), so only the
  // messages whose UID the model knows are counted; others stay until a later EXISTS.
  exists_ -= std::min(removed, exists_);
  truncate(exists_);
}

void SelectedMailbox::apply_fetch(std::uint32_t seq, const FetchData& d) {
  if (seq == 0 || seq > tracked_) return;
  const std::size_t slot = slots_.size() == tracked_ ? seq - 1 : slot_of(seq);
  MessageRecord& m = slots_[slot];
  if (d.uid) {
    if ((m.uid == 0) != (*d.uid == 0)) count_known(slot, *d.uid != 0);
    m.uid = *d.uid;
    first_uid_slot_ = std::min(first_uid_slot_, slot);
    last_uid_slot_ = std::max(last_uid_slot_, slot);
  }
  if (d.flags) m.flags = flag_sets_.assign(m.flags, *d.flags);
  if (d.modseq) m.modseq = *d.modseq;
  if (d.rfc822_size) m.size = *d.rfc822_size + 1;
  if (d.modseq && (!highestmodseq_ || *d.modseq > *highestmodseq_)) highestmodseq_ = d.modseq;
}

void SelectedMailbox::apply_flags(std::vector<std::string_view> flags) {
  flags_.emplace();
  for (std::string_view f : flags)
    flags_->emplace_back(f);
}

void SelectedMailbox::apply_code(const ResponseCode& code) {
  const std::string_view arg = code_word(code.text, 0);
  if (iequals(code.name, "UIDVALIDITY")) {
    if (auto n = read_number(arg)) uidvalidity_ = static_cast<std::uint32_t>(*n);
  } else if (iequals(code.name, "UIDNEXT")) {
    if (auto n = read_number(arg)) uidnext_ = static_cast<std::uint32_t>(*n);
  } else if (iequals(code.name, "HIGHESTMODSEQ")) {
    if (auto n = read_number(arg, UINT64_MAX)) highestmodseq_ = *n;
  } else if (iequals(code.name, "PERMANENTFLAGS")) {
    if (auto list = read_flag_list(code.text)) {
      permflags_.emplace(list->begin(), list->end());
    }
  } else if (iequals(code.name, "READ-ONLY")) {
    read_only_ = true;
  } else if (iequals(code.name, "READ-WRITE")) {
    read_only_ = false;
  }
}

void SelectedMailbox::complete_selection() {
  selection_complete_ = true;
  for (MessageRecord& m : slots_)
    m.at_select = true;
  exists_at_select_ = exists_;
  uidnext_at_select_ = uidnext_;
}

}  // namespace imapscope::analyzer
