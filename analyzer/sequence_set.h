#pragma once
// sequence-set (RFC 9051 §9): "1:4,7,9:*", where "*" is the largest number in use and "$" the
// saved search result (RFC 5182). Used for message sequence numbers and for UIDs alike.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace imapscope::analyzer {

class SequenceSet {
 public:
  static constexpr std::uint32_t kStar = 0;  // "*": resolved against the largest value

  // The numbers a range names once "*" is resolved, lowest first ("5:2" is 2..5).
  struct Bounds {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
  };
  struct Range {
    std::uint32_t first = 0;  // kStar for "*"
    std::uint32_t last = 0;   // equal to first for a single number
    // With "*" meaning `largest`.
    Bounds bounds(std::uint32_t largest) const {
      const std::uint32_t a = first == kStar ? largest : first;
      const std::uint32_t b = last == kStar ? largest : last;
      return a <= b ? Bounds{a, b} : Bounds{b, a};
    }
    friend bool operator==(const Range&, const Range&) = default;
  };

  // Parses `text`; nullopt when it is not a sequence-set (or is "$").
  static std::optional<SequenceSet> parse(std::string_view text);

  const std::vector<Range>& ranges() const { return ranges_; }
  // Does the set hold `n`, with "*" meaning `largest`?
  bool contains(std::uint32_t n, std::uint32_t largest) const;
  // How many distinct numbers the set names, with "*" meaning `largest`; saturates.
  std::uint64_t count(std::uint32_t largest) const;
  bool uses_star() const;
  friend bool operator==(const SequenceSet&, const SequenceSet&) = default;

 private:
  std::vector<Range> ranges_;
};

}  // namespace imapscope::analyzer
