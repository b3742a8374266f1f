#include "analyzer/flag_sets.h"

#include <algorithm>
#include <utility>

#include "analyzer/syntax.h"

namespace imapscope::analyzer {

FlagSets::Flags FlagSets::canonical(const std::vector<std::string_view>& flags) {
  Flags out;
  out.reserve(flags.size());
  for (std::string_view f : flags)
    out.push_back(to_upper(f));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Whether `flags` make up exactly the list of `id`, compared in place: this runs on every
// FETCH with FLAGS. Long lists take the general way.
bool FlagSets::same(Id id, const std::vector<std::string_view>& flags) const {
  constexpr std::size_t kQuickMax = 16;
  const Flags& held = this->flags(id);
  if (flags.size() > kQuickMax) return canonical(flags) == held;
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    bool repeated = false;
    for (std::size_t j = 0; j < i && !repeated; ++j)
      repeated = iequals(flags[i], flags[j]);
    if (repeated) continue;
    ++distinct;
    if (std::none_of(held.begin(), held.end(),
                     [&](const std::string& h) { return iequals(h, flags[i]); })) {
      return false;
    }
  }
  return distinct == held.size();
}

std::size_t FlagSets::cost(const Flags& flags) {
  constexpr std::size_t kPerList = 96;  // the map node and the entry
  constexpr std::size_t kPerFlag = sizeof(std::string);
  std::size_t n = kPerList;
  for (const std::string& f : flags)
    n += kPerFlag + f.size();
  return n;
}

FlagSets::Id FlagSets::assign(Id current, const std::vector<std::string_view>& flags) {
  if (current != kUnknown && same(current, flags)) return current;
  release(current);  // first: the room it frees counts
  Flags list = canonical(flags);
  auto it = ids_.find(list);
  if (it == ids_.end()) {
    const std::size_t n = cost(list);
    if (bytes_ + n > kMaxBytes) return kUnknown;
    bytes_ += n;
    it = ids_.emplace(std::move(list), kUnknown).first;
    if (free_.empty()) {
      entries_.push_back(Entry{it, 0});
      it->second = static_cast<Id>(entries_.size());
    } else {
      it->second = free_.back();
      free_.pop_back();
      entries_[it->second - 1].node = it;
    }
  }
  ++entries_[it->second - 1].refs;
  return it->second;
}

void FlagSets::release(Id id) {
  if (id == kUnknown) return;
  Entry& e = entries_[id - 1];
  if (--e.refs > 0) return;
  bytes_ -= cost(e.node->first);
  ids_.erase(e.node);
  free_.push_back(id);
}

}  // namespace imapscope::analyzer
