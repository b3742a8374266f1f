#include "checks/rules/store/known_flags.h"

#include <gtest/gtest.h>

#include <vector>

namespace imapscope::checks {
namespace {

std::vector<std::uint32_t> seqs_with_uid(const KnownFlags& k, std::uint32_t uid) {
  std::vector<std::uint32_t> out;
  k.for_each_with_uid(uid, [&](std::uint32_t seq) { out.push_back(seq); });
  return out;
}

TEST(KnownFlags, InternsSharedFlagSets) {
  KnownFlags k(100);
  for (std::uint32_t seq = 1; seq <= 50; ++seq)
    k.set(seq, {seq % 2 == 0 ? "\\SEEN" : "\\ANSWERED"}, 100 + seq);
  EXPECT_EQ(k.size(), 50u);
  EXPECT_EQ(k.distinct_sets(), 2u);
  EXPECT_EQ(*k.flags(4), KnownFlags::FlagSet{"\\SEEN"});
  // A set nobody holds any more is dropped.
  k.set(3, {"\\DELETED"}, 103);
  k.set(3, {"\\SEEN"}, 103);
  EXPECT_EQ(k.distinct_sets(), 2u);
}

TEST(KnownFlags, CapacityBoundsNewMessagesOnly) {
  KnownFlags k(2);
  k.set(1, {}, 0);
  k.set(2, {}, 0);
  k.set(3, {"\\SEEN"}, 0);
  EXPECT_EQ(k.flags(3), nullptr);
  k.set(2, {"\\SEEN"}, 0);  // a known one is still updated
  EXPECT_EQ(*k.flags(2), KnownFlags::FlagSet{"\\SEEN"});
}

TEST(KnownFlags, FindsMessagesByUidThroughExpunges) {
  KnownFlags k(100);
  k.set(1, {}, 10);
  k.set(2, {}, 20);
  k.set(3, {}, 0);
  k.set_uid(3, 30);
  k.set(5, {"\\SEEN"}, 50);
  k.set_uid(4, 40);  // flags not known: ignored
  EXPECT_EQ(seqs_with_uid(k, 30), std::vector<std::uint32_t>{3});
  EXPECT_TRUE(seqs_with_uid(k, 40).empty());
  // RFC 9051 §7.5.1: expunging message 2 moves 3 and 5 down to 2 and 4.
  k.expunge(2);
  EXPECT_TRUE(seqs_with_uid(k, 20).empty());
  EXPECT_EQ(seqs_with_uid(k, 30), std::vector<std::uint32_t>{2});
  EXPECT_EQ(seqs_with_uid(k, 50), std::vector<std::uint32_t>{4});
  EXPECT_EQ(*k.flags(4), KnownFlags::FlagSet{"\\SEEN"});
  EXPECT_EQ(k.flags(5), nullptr);
  std::vector<std::uint32_t> all;
  k.for_each([&](std::uint32_t seq, const KnownFlags::FlagSet&) { all.push_back(seq); });
  EXPECT_EQ(all, (std::vector<std::uint32_t>{1, 2, 4}));
  // A UID that changes is found under the new one only.
  k.set(1, {}, 11);
  EXPECT_TRUE(seqs_with_uid(k, 10).empty());
  EXPECT_EQ(seqs_with_uid(k, 11), std::vector<std::uint32_t>{1});
  k.clear();
  EXPECT_TRUE(k.empty());
  EXPECT_EQ(k.distinct_sets(), 0u);
}

// Lookups first look near where evenly spread numbers and UIDs would put a message
// (KnownFlags::lower_seq, lower_uid); these messages are nowhere near there.
TEST(KnownFlags, FindsMessagesWithGapsAndUnorderedUids) {
  KnownFlags k(100);
  k.set(2, {"\\SEEN"}, 900);
  k.set(7, {}, 5);
  k.set(3, {"\\DELETED"}, 7);
  k.set(40, {}, 6);
  k.set(41, {}, 6);  // a server that repeats a UID: both are found
  EXPECT_EQ(k.flags(1), nullptr);
  EXPECT_EQ(*k.flags(2), KnownFlags::FlagSet{"\\SEEN"});
  EXPECT_EQ(*k.flags(3), KnownFlags::FlagSet{"\\DELETED"});
  EXPECT_EQ(k.flags(4), nullptr);
  EXPECT_EQ(k.uid(7), 5u);
  EXPECT_EQ(k.uid(40), 6u);
  EXPECT_EQ(seqs_with_uid(k, 900), std::vector<std::uint32_t>{2});
  EXPECT_EQ(seqs_with_uid(k, 7), std::vector<std::uint32_t>{3});
  EXPECT_EQ(seqs_with_uid(k, 6), (std::vector<std::uint32_t>{40, 41}));
  EXPECT_TRUE(seqs_with_uid(k, 8).empty());
  EXPECT_TRUE(seqs_with_uid(k, 1000).empty());
  k.expunge(3);
  EXPECT_EQ(seqs_with_uid(k, 5), std::vector<std::uint32_t>{6});
  EXPECT_EQ(k.uid(39), 6u);
}

// Every message of a mailbox, with UIDs that ascend unevenly (a jump half way): each is found,
// whether near the first guess or not.
TEST(KnownFlags, FindsMessagesOfAGaplessMailbox) {
  KnownFlags k(2000);
  for (std::uint32_t seq = 1; seq <= 1000; ++seq)
    k.set(seq, {}, 3 * seq + (seq > 500 ? 1000 : 0));
  for (std::uint32_t seq = 1; seq <= 1000; ++seq) {
    const std::uint32_t uid = 3 * seq + (seq > 500 ? 1000 : 0);
    ASSERT_EQ(k.uid(seq), uid);
    ASSERT_EQ(seqs_with_uid(k, uid), std::vector<std::uint32_t>{seq});
    ASSERT_TRUE(seqs_with_uid(k, uid + 1).empty());
  }
}

}  // namespace
}  // namespace imapscope::checks
