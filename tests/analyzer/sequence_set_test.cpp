#include "analyzer/sequence_set.h"

#include <gtest/gtest.h>

namespace imapscope::analyzer {
namespace {

TEST(SequenceSet, ParsesNumbersRangesAndStar) {
  const auto s = SequenceSet::parse("1:3,5,9:*");
  ASSERT_TRUE(s);
  ASSERT_EQ(s->ranges().size(), 3u);
  EXPECT_TRUE(s->contains(2, 20));
  EXPECT_FALSE(s->contains(4, 20));
  EXPECT_TRUE(s->contains(5, 20));
  EXPECT_TRUE(s->contains(20, 20));
  EXPECT_FALSE(s->contains(21, 20));
  EXPECT_TRUE(s->uses_star());
  EXPECT_EQ(s->count(20), 3u + 1u + 12u);
}

// RFC 9051 §9: "a range of 559:* ... the order of the two numbers does not matter"; 4:2 is 2:4.
TEST(SequenceSet, ReversedRangesAndOverlapsCountOnce) {
  const auto s = SequenceSet::parse("4:2,3,10:8");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->contains(2, 100));
  EXPECT_EQ(s->count(100), 3u + 3u);
  EXPECT_EQ(SequenceSet::parse("*")->count(7), 1u);
  EXPECT_EQ(SequenceSet::parse("1:4294967295")->count(5), 4294967295u);
}

// A range's bounds, lowest first, with "*" meaning the largest number in use.
TEST(SequenceSet, RangeBoundsResolveStarAndOrder) {
  const auto s = SequenceSet::parse("4:2,7,*:5,9:*,*");
  ASSERT_TRUE(s);
  const auto bounds = [&](std::size_t i) {
    const SequenceSet::Bounds b = s->ranges()[i].bounds(8);
    return std::pair{b.low, b.high};
  };
  EXPECT_EQ(bounds(0), (std::pair<std::uint32_t, std::uint32_t>{2, 4}));
  EXPECT_EQ(bounds(1), (std::pair<std::uint32_t, std::uint32_t>{7, 7}));
  EXPECT_EQ(bounds(2), (std::pair<std::uint32_t, std::uint32_t>{5, 8}));
  EXPECT_EQ(bounds(3), (std::pair<std::uint32_t, std::uint32_t>{8, 9}));  // 9:* with * = 8
  EXPECT_EQ(bounds(4), (std::pair<std::uint32_t, std::uint32_t>{8, 8}));
}

TEST(SequenceSet, RejectsWhatIsNotASequenceSet) {
  for (const char* bad :
       {"", "0", "1:0", "01", "1,", ",1", "1::2", "a", "$", "4294967296", "1 2"}) {
    EXPECT_FALSE(SequenceSet::parse(bad)) << bad;
  }
}

}  // namespace
}  // namespace imapscope::analyzer
