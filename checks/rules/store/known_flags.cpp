#include "checks/rules/store/known_flags.h"

namespace imapscope::checks {

std::vector<KnownFlags::Entry>::iterator KnownFlags::find(std::uint32_t seq) {
  const auto it = lower_seq(entries_, seq);
  return it != entries_.end() && it->seq == seq ? it : entries_.end();
}

std::vector<KnownFlags::Entry>::const_iterator KnownFlags::find(std::uint32_t seq) const {
  const auto it = lower_seq(entries_, seq);
  return it != entries_.end() && it->seq == seq ? it : entries_.end();
}

const KnownFlags::FlagSet* KnownFlags::flags(std::uint32_t seq) const {
  const auto it = find(seq);
  return it == entries_.end() ? nullptr : &where_[it->set]->first;
}

std::uint32_t KnownFlags::uid(std::uint32_t seq) const {
  const auto it = find(seq);
  return it == entries_.end() ? 0 : it->uid;
}

std::uint32_t KnownFlags::intern(FlagSet flags) {
  auto [it, added] = ids_.try_emplace(std::move(flags));
  if (added) {
    if (free_ids_.empty()) {
      it->second.id = static_cast<std::uint32_t>(where_.size());
      where_.push_back(it);
    } else {
      it->second.id = free_ids_.back();
      free_ids_.pop_back();
      where_[it->second.id] = it;
    }
  }
  ++it->second.refs;
  return it->second.id;
}

void KnownFlags::release(std::uint32_t id) {
  const auto it = where_[id];
  if (--it->second.refs > 0) return;
  ids_.erase(it);
  free_ids_.push_back(id);
}

void KnownFlags::index_uid(std::uint32_t uid, std::uint32_t seq) {
  if (uid == 0) return;
  const auto key = std::make_pair(uid, seq);
  by_uid_.insert(lower_uid(by_uid_, key), key);
}

void KnownFlags::unindex_uid(std::uint32_t uid, std::uint32_t seq) {
  if (uid == 0) return;
  const auto key = std::make_pair(uid, seq);
  const auto it = lower_uid(by_uid_, key);
  if (it != by_uid_.end() && *it == key) by_uid_.erase(it);
}

void KnownFlags::set(std::uint32_t seq, FlagSet flags, std::uint32_t uid) {
  const auto it = lower_seq(entries_, seq);
  if (it != entries_.end() && it->seq == seq) {
    // Most FETCH responses repeat the flags a message already had: nothing to re-intern.
    if (where_[it->set]->first != flags) {
      const std::uint32_t id = intern(std::move(flags));
      release(it->set);
      it->set = id;
    }
    if (it->uid != uid) {
      unindex_uid(it->uid, seq);
      it->uid = uid;
      index_uid(uid, seq);
    }
    return;
  }
  if (entries_.size() >= capacity_) return;
  entries_.insert(it, Entry{seq, uid, intern(std::move(flags))});
  index_uid(uid, seq);
}

void KnownFlags::set_uid(std::uint32_t seq, std::uint32_t uid) {
  const auto it = find(seq);
  if (it == entries_.end() || it->uid == uid) return;
  unindex_uid(it->uid, seq);
  it->uid = uid;
  index_uid(uid, seq);
}

void KnownFlags::expunge(std::uint32_t n) {
  auto it = lower_seq(entries_, n);
  if (it != entries_.end() && it->seq == n) {
    unindex_uid(it->uid, n);
    release(it->set);
    it = entries_.erase(it);
  }
  for (; it != entries_.end(); ++it)
    --it->seq;
  for (auto& [uid, seq] : by_uid_) {
    if (seq > n) --seq;
  }
}

void KnownFlags::clear() {
  entries_.clear();
  by_uid_.clear();
  ids_.clear();
  where_.clear();
  free_ids_.clear();
}

}  // namespace imapscope::checks
