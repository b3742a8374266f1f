#include "analyzer/sequence_set.h"

#include <algorithm>

namespace imapscope::analyzer {
namespace {

// seq-number = nz-number / "*"; nz-number fits in 32 bits (RFC 9051 §9).
bool parse_number(std::string_view s, std::uint32_t& out) {
  if (s == "*") {
    out = SequenceSet::kStar;
    return true;
  }
  if (s.empty() || s.size() > 10 || s[0] == '0') return false;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (n > 4294967295u) return false;
  out = static_cast<std::uint32_t>(n);
  return true;
}

}  // namespace

std::optional<SequenceSet> SequenceSet::parse(std::string_view text) {
  SequenceSet set;
  if (text.empty()) return std::nullopt;
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const std::size_t colon = item.find(':');
    Range r;
    if (colon == std::string_view::npos) {
      if (!parse_number(item, r.first)) return std::nullopt;
      r.last = r.first;
    } else if (!parse_number(item.substr(0, colon), r.first) ||
               !parse_number(item.substr(colon + 1), r.last)) {
      return std::nullopt;
    }
    set.ranges_.push_back(r);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return set;
}

bool SequenceSet::contains(std::uint32_t n, std::uint32_t largest) const {
  for (const Range& r : ranges_) {
    const Bounds b = r.bounds(largest);
    if (n >= b.low && n <= b.high) return true;
  }
  return false;
}

std::uint64_t SequenceSet::count(std::uint32_t largest) const {
  // Ranges may overlap; merge them first.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const Range& r : ranges_) {
    const Bounds b = r.bounds(largest);
    spans.emplace_back(b.low, b.high);
  }
  std::sort(spans.begin(), spans.end());
  std::uint64_t total = 0;
  std::uint64_t covered_to = 0;  // one past the last counted number
  for (const auto& [a, b] : spans) {
    const std::uint64_t from = std::max<std::uint64_t>(a, covered_to);
    if (b + std::uint64_t{1} > from) total += b + std::uint64_t{1} - from;
    covered_to = std::max<std::uint64_t>(covered_to, b + std::uint64_t{1});
  }
  return total;
}

bool SequenceSet::uses_star() const {
  return std::any_of(ranges_.begin(), ranges_.end(),
                     [](const Range& r) { return r.first == kStar || r.last == kStar; });
}

}  // namespace imapscope::analyzer
