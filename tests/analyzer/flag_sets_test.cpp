#include "analyzer/flag_sets.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/syntax.h"

namespace imapscope::analyzer {
namespace {

using Flags = FlagSets::Flags;

TEST(FlagSets, HoldsListsUpperCaseSortedAndOnce) {
  FlagSets t;
  const FlagSets::Id id = t.assign(FlagSets::kUnknown, {"\\Seen", "$Junk", "\\seen", "\\Recent"});
  ASSERT_NE(id, FlagSets::kUnknown);
  EXPECT_EQ(t.flags(id), (Flags{"$JUNK", "\\RECENT", "\\SEEN"}));
  EXPECT_EQ(t.assign(FlagSets::kUnknown, {}), t.assign(FlagSets::kUnknown, {}));
  EXPECT_TRUE(t.flags(t.assign(FlagSets::kUnknown, {})).empty());
}

TEST(FlagSets, SameListKeepsItsIdWhateverTheCaseAndOrder) {
  FlagSets t;
  const FlagSets::Id a = t.assign(FlagSets::kUnknown, {"\\Seen", "\\Answered"});
  EXPECT_EQ(t.assign(a, {"\\ANSWERED", "\\seen"}), a);
  EXPECT_EQ(t.assign(a, {"\\Answered", "\\Seen", "\\Answered"}), a);
  // A different list replaces it (the old one, held by nobody now, is dropped).
  EXPECT_EQ(t.flags(t.assign(a, {"\\Seen"})), Flags{"\\SEEN"});
  EXPECT_EQ(t.distinct(), 1u);
}

TEST(FlagSets, MessagesShareListsAndUnheldListsAreDropped) {
  FlagSets t;
  std::vector<FlagSets::Id> messages;
  for (int i = 0; i < 50; ++i) {
    messages.push_back(t.assign(FlagSets::kUnknown, {i % 2 == 0 ? "\\Seen" : "\\Answered"}));
  }
  EXPECT_EQ(t.distinct(), 2u);
  EXPECT_EQ(messages[0], messages[2]);
  // One message changes to a list of its own and back: the list is dropped again.
  messages[3] = t.assign(messages[3], {"\\Deleted"});
  EXPECT_EQ(t.distinct(), 3u);
  messages[3] = t.assign(messages[3], {"\\Answered"});
  EXPECT_EQ(t.distinct(), 2u);
  EXPECT_EQ(messages[3], messages[1]);
  // Every message of one list gone: only the other stays, and its id is unchanged.
  for (std::size_t i = 0; i < messages.size(); i += 2)
    t.release(messages[i]);
  EXPECT_EQ(t.distinct(), 1u);
  EXPECT_EQ(t.flags(messages[1]), Flags{"\\ANSWERED"});
  // A freed id is reused for the next new list.
  const FlagSets::Id again = t.assign(FlagSets::kUnknown, {"$Forwarded"});
  EXPECT_EQ(again, messages[0]);
  EXPECT_EQ(t.flags(again), Flags{"$FORWARDED"});
  t.release(FlagSets::kUnknown);  // nothing held: nothing happens
  EXPECT_EQ(t.distinct(), 2u);
}

// Past the in-place comparison's limit (16 flags) lists are compared the general way.
TEST(FlagSets, ComparesLongListsToo) {
  FlagSets t;
  std::vector<std::string> names;
  for (int i = 0; i < 20; ++i)
    names.push_back("kw" + std::to_string(i));
  const std::vector<std::string_view> lower(names.begin(), names.end());
  const FlagSets::Id id = t.assign(FlagSets::kUnknown, lower);
  std::vector<std::string_view> reversed(lower.rbegin(), lower.rend());
  EXPECT_EQ(t.assign(id, reversed), id);
  reversed.pop_back();
  const FlagSets::Id fewer = t.assign(id, reversed);
  EXPECT_EQ(t.flags(fewer).size(), 19u);
  EXPECT_EQ(t.distinct(), 1u);
}

// A hostile server giving every message a list of its own cannot grow the table past
// kMaxBytes: past it, new lists are not learned (the flags are unknown), known ones still are,
// and a list dropped makes room again.
TEST(FlagSets, NewListsPastTheBudgetAreNotLearned) {
  FlagSets t;
  const std::string big(1000, 'k');
  std::vector<FlagSets::Id> held;
  for (std::uint32_t i = 0;; ++i) {
    const std::string name = big + std::to_string(i);
    const FlagSets::Id id = t.assign(FlagSets::kUnknown, {name});
    if (id == FlagSets::kUnknown) break;
    held.push_back(id);
    ASSERT_LT(i, 10'000u) << "the budget never ran out";
  }
  EXPECT_LE(t.bytes(), FlagSets::kMaxBytes);
  EXPECT_GT(held.size(), 1000u);
  // A list already held is still shared.
  EXPECT_EQ(t.assign(FlagSets::kUnknown, {big + "0"}), held[0]);
  // Two messages hold the first list. One changes to a list that does not fit: its flags
  // become unknown.
  const std::size_t before = t.distinct();
  const std::string changed = big + "new";
  EXPECT_EQ(t.assign(held[0], {changed}), FlagSets::kUnknown);
  EXPECT_EQ(t.distinct(), before);
  // The other changes too: its old list, held by nobody now, makes room for the new one.
  const FlagSets::Id moved = t.assign(held[0], {changed});
  ASSERT_NE(moved, FlagSets::kUnknown);
  EXPECT_EQ(t.flags(moved), FlagSets::Flags{to_upper(changed)});
  EXPECT_EQ(t.distinct(), before);
  EXPECT_LE(t.bytes(), FlagSets::kMaxBytes);
}

}  // namespace
}  // namespace imapscope::analyzer
