#include "capture/recent_bytes.h"

#include <gtest/gtest.h>

#include <string>

namespace imapscope::capture {
namespace {

// The stream 0, 1, 2, ... as letters, so every offset's byte is known.
std::string stream_bytes(std::uint64_t from, std::size_t n) {
  std::string s;
  for (std::uint64_t o = from; o < from + n; ++o)
    s += static_cast<char>('a' + o % 26);
  return s;
}

TEST(RecentBytes, KeepsTheLastCapacityBytesAcrossWrapsAndGrowth) {
  RecentBytes recent(1000);
  std::uint64_t at = 0;
  // Segments of awkward sizes, so the ring grows, wraps and is overwritten many times.
  for (std::size_t size : {1u, 7u, 300u, 999u, 1000u, 1001u, 13u, 2500u, 5u, 640u}) {
    recent.append(stream_bytes(at, size));
    at += size;
    EXPECT_EQ(recent.end(), at);
    EXPECT_EQ(recent.end() - recent.begin(), std::min<std::uint64_t>(at, 1000));
    const std::uint64_t begin = recent.begin();
    EXPECT_TRUE(recent.equal(begin, stream_bytes(begin, at - begin))) << "after " << size;
  }
}

TEST(RecentBytes, TellsDifferingBytes) {
  RecentBytes recent(64);
  recent.append(stream_bytes(0, 100));  // holds offsets 36..99
  EXPECT_EQ(recent.begin(), 36u);
  EXPECT_TRUE(recent.equal(50, stream_bytes(50, 20)));
  std::string changed = stream_bytes(50, 20);
  changed[19] = '!';
  EXPECT_FALSE(recent.equal(50, changed));
}

TEST(RecentBytes, RestartForgetsEverything) {
  RecentBytes recent(64);
  recent.append("abcdef");
  recent.restart(500);
  EXPECT_EQ(recent.begin(), 500u);
  EXPECT_EQ(recent.end(), 500u);
  recent.append("xyz");
  EXPECT_TRUE(recent.equal(500, "xyz"));
  EXPECT_FALSE(recent.equal(500, "xyw"));
}

TEST(RecentBytes, ForgetBeforeDropsTheOlderBytesAndKeepsTheRingSmall) {
  RecentBytes recent(64 << 10);
  std::uint64_t at = 0;
  // 100 KiB in 100-byte segments, forgetting all but the last 1,000 bytes as it goes (what
  // acknowledgments do): the ring never grows past what is held.
  for (int i = 0; i < 1024; ++i) {
    recent.append(stream_bytes(at, 100));
    at += 100;
    recent.forget_before(at > 1000 ? at - 1000 : 0);
  }
  EXPECT_EQ(recent.end(), at);
  EXPECT_EQ(recent.begin(), at - 1000);
  EXPECT_EQ(recent.floor(), 0u);  // everything since offset 0 was held once
  EXPECT_LE(recent.allocated(), 2048u);
  EXPECT_TRUE(recent.equal(at - 1000, stream_bytes(at - 1000, 1000)));
  recent.forget_before(at + 50);  // past the end: nothing is left, the end stays
  EXPECT_EQ(recent.begin(), at);
  EXPECT_EQ(recent.end(), at);
  recent.restart(at + 10);
  EXPECT_EQ(recent.floor(), at + 10);
}

TEST(RecentBytes, ShrinksBackAfterABurstIsForgotten) {
  RecentBytes recent(64 << 10);
  // A burst of 60 KiB unacknowledged: the ring grows to hold it.
  recent.append(stream_bytes(0, 60 << 10));
  std::uint64_t at = 60 << 10;
  EXPECT_GE(recent.allocated(), std::size_t{60} << 10);
  // Then short exchanges, each acknowledged but for the last 1,000 bytes: the ring gives the
  // burst's memory back, halving as it empties, and still holds every byte it should.
  for (int i = 0; i < 64; ++i) {
    recent.append(stream_bytes(at, 100));
    at += 100;
    recent.forget_before(at - 1000);
    ASSERT_TRUE(recent.equal(at - 1000, stream_bytes(at - 1000, 1000))) << i;
  }
  EXPECT_EQ(recent.begin(), at - 1000);
  EXPECT_LE(recent.allocated(), std::size_t{4096});
  // And grows again for the next burst.
  recent.append(stream_bytes(at, 30 << 10));
  at += 30 << 10;
  const std::uint64_t held = 1000 + (30 << 10);
  EXPECT_EQ(recent.begin(), at - held);
  EXPECT_TRUE(recent.equal(at - held, stream_bytes(at - held, held)));
  EXPECT_GE(recent.allocated(), held);
}

TEST(RecentBytes, ZeroCapacityHoldsNothing) {
  RecentBytes recent(0);
  recent.append("abc");
  EXPECT_EQ(recent.begin(), 3u);
  EXPECT_EQ(recent.end(), 3u);
}

}  // namespace
}  // namespace imapscope::capture
