// SelectedMailbox::nearest_known_uid, which mailbox.uid-not-ascending reads instead of
// walking message() one number at a time.
#include <gtest/gtest.h>

#include "analyzer/mailbox.h"

namespace imapscope::analyzer {
namespace {

FetchData fetch_uid(std::uint32_t uid) {
  FetchData d;
  d.uid = uid;
  return d;
}

TEST(SelectedMailboxNearestUid, NoneKnown) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(10);
  EXPECT_EQ(mb.nearest_known_uid(5, false, 100), 0u);
  EXPECT_EQ(mb.nearest_known_uid(5, true, 100), 0u);
}

TEST(SelectedMailboxNearestUid, SkipsUnknownUidsWithinTheWindow) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(100);
  mb.apply_fetch(10, fetch_uid(110));
  mb.apply_fetch(50, fetch_uid(150));
  EXPECT_EQ(mb.nearest_known_uid(30, false, 100), 10u);
  EXPECT_EQ(mb.nearest_known_uid(30, true, 100), 50u);
  EXPECT_EQ(mb.nearest_known_uid(30, false, 19), 0u);  // 20 away: outside a window of 19
  EXPECT_EQ(mb.nearest_known_uid(30, false, 20), 10u);
  EXPECT_EQ(mb.nearest_known_uid(50, true, 100), 0u);  // nothing known after the last one
  EXPECT_EQ(mb.nearest_known_uid(10, false, 100), 0u);
  EXPECT_EQ(mb.nearest_known_uid(101, false, 100), 0u);  // not a message
}

TEST(SelectedMailboxNearestUid, CountsNumbersNotSlotsAfterExpunge) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(200);
  for (std::uint32_t seq = 1; seq <= 200; seq += 20)
    mb.apply_fetch(seq, fetch_uid(1000 + seq));
  // Expunges that leave dead slots behind (not yet compacted).
  mb.apply_expunge(2);
  mb.apply_expunge(2);
  // Message 19 (was 21) has UID 1021; message 1 UID 1001; 39 (was 41) UID 1041.
  EXPECT_EQ(mb.nearest_known_uid(10, true, 100), 19u);
  EXPECT_EQ(mb.message(19)->uid, 1021u);
  EXPECT_EQ(mb.nearest_known_uid(19, false, 100), 1u);
  EXPECT_EQ(mb.nearest_known_uid(19, true, 100), 39u);
  EXPECT_EQ(mb.nearest_known_uid(19, true, 19), 0u);
}

TEST(SelectedMailboxNearestUid, ForgetsTruncatedMessages) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(10);
  mb.apply_fetch(9, fetch_uid(90));
  mb.apply_exists(5);  // messages 6..10 are no longer tracked
  mb.apply_exists(10);
  EXPECT_EQ(mb.nearest_known_uid(3, true, 100), 0u);
}

// Many expunged slots between the message and its neighbour: the walk over slots gives way to
// numbered lookups, with the same answer.
TEST(SelectedMailboxNearestUid, LongRunsOfExpungedSlots) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(3000);
  mb.apply_fetch(1, fetch_uid(1));
  mb.apply_fetch(3000, fetch_uid(3000));
  for (int i = 0; i < 1400; ++i)
    mb.apply_expunge(2);  // 1400 dead slots right after message 1, fewer than the living
  EXPECT_EQ(mb.message(1600)->uid, 3000u);
  // A small window: the run of dead slots is longer than the walk may take.
  EXPECT_EQ(mb.nearest_known_uid(1, true, 10), 0u);
  mb.apply_fetch(5, fetch_uid(1404));
  EXPECT_EQ(mb.nearest_known_uid(1, true, 10), 5u);
  EXPECT_EQ(mb.nearest_known_uid(1, true, 3), 0u);
  EXPECT_EQ(mb.nearest_known_uid(5, false, 10), 1u);
  EXPECT_EQ(mb.nearest_known_uid(5, false, 3), 0u);
  EXPECT_EQ(mb.nearest_known_uid(2, false, 10), 1u);
  EXPECT_EQ(mb.nearest_known_uid(5, true, 2000), 1600u);
  EXPECT_EQ(mb.nearest_known_uid(5, true, 1594), 0u);
  EXPECT_EQ(mb.nearest_known_uid(5, true, 1595), 1600u);
  EXPECT_EQ(mb.nearest_known_uid(1600, false, 1595), 5u);
  EXPECT_EQ(mb.nearest_known_uid(1600, false, 1594), 0u);
}

}  // namespace
}  // namespace imapscope::analyzer
