// The selected-mailbox model renumbers messages in O(log n) (a Fenwick tree over tracked
// slots, compacted now and then). These tests replay random EXISTS / EXPUNGE / VANISHED /
// FETCH sequences against a plain vector that renumbers the obvious way (RFC 9051 §7.5.1:
// each later message's number decrements by one) and demand the same model after every step.

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analyzer/mailbox.h"

namespace imapscope::analyzer {
namespace {

// What the model must hold: the UIDs of messages 1..n, 0 when not fetched yet, and their
// flags (FlagSets' form; none when not fetched yet).
struct NaiveMailbox {
  std::vector<std::uint32_t> uids;
  std::vector<std::optional<FlagSets::Flags>> flags;
  std::uint32_t exists = 0;

  void apply_exists(std::uint32_t n) {
    exists = n;
    uids.resize(std::min(n, SelectedMailbox::kMaxTrackedMessages));
    flags.resize(uids.size());
  }
  void apply_expunge(std::uint32_t seq) {
    if (seq == 0 || seq > exists) return;
    if (seq <= uids.size()) {
      uids.erase(uids.begin() + (seq - 1));
      flags.erase(flags.begin() + (seq - 1));
    }
    --exists;
  }
  void apply_vanished(std::uint32_t first, std::uint32_t last) {
    std::uint32_t removed = 0;
    for (std::size_t i = uids.size(); i > 0; --i) {
      if (uids[i - 1] != 0 && uids[i - 1] >= first && uids[i - 1] <= last) {
        uids.erase(uids.begin() + static_cast<std::ptrdiff_t>(i - 1));
        flags.erase(flags.begin() + static_cast<std::ptrdiff_t>(i - 1));
        ++removed;
      }
    }
    exists -= std::min(removed, exists);
    if (uids.size() > exists) uids.resize(exists);
    flags.resize(uids.size());
  }
  // The distinct flag lists its messages hold: what the model's table must hold, no more.
  std::size_t distinct_flag_lists() const {
    std::set<FlagSets::Flags> lists;
    for (const auto& f : flags) {
      if (f) lists.insert(*f);
    }
    return lists.size();
  }
};

void expect_same(const SelectedMailbox& mb, const NaiveMailbox& naive, int step) {
  ASSERT_EQ(mb.exists(), naive.exists) << "step " << step;
  for (std::uint32_t seq = 1; seq <= naive.uids.size(); ++seq) {
    const MessageRecord* m = mb.message(seq);
    ASSERT_NE(m, nullptr) << "step " << step << " seq " << seq;
    ASSERT_EQ(m->uid, naive.uids[seq - 1]) << "step " << step << " seq " << seq;
    const FlagSets::Flags* flags = mb.message_flags(*m);
    ASSERT_EQ(flags != nullptr, naive.flags[seq - 1].has_value()) << "step " << step;
    if (flags != nullptr) {
      ASSERT_EQ(*flags, *naive.flags[seq - 1]) << "step " << step;
    }
  }
  EXPECT_EQ(mb.message(static_cast<std::uint32_t>(naive.uids.size()) + 1), nullptr);
  ASSERT_EQ(mb.distinct_flag_lists(), naive.distinct_flag_lists()) << "step " << step;
  ASSERT_EQ(mb.known_uids(),
            static_cast<std::uint32_t>(std::count_if(naive.uids.begin(), naive.uids.end(),
                                                     [](std::uint32_t uid) { return uid != 0; })))
      << "step " << step;
}

TEST(MailboxRenumbering, RandomUpdatesMatchAPlainVector) {
  std::mt19937 random(42);
  for (int round = 0; round < 20; ++round) {
    SelectedMailbox mb("INBOX", false);
    NaiveMailbox naive;
    std::uint32_t next_uid = 1;
    for (int step = 0; step < 400; ++step) {
      const auto op = static_cast<unsigned>(random() % 10);
      if (op < 2) {
        const auto n = static_cast<std::uint32_t>(naive.exists + random() % 200);
        mb.apply_exists(n);
        naive.apply_exists(n);
      } else if (op < 6) {
        const auto seq = static_cast<std::uint32_t>(random() % (naive.exists + 2));
        mb.apply_expunge(seq);
        naive.apply_expunge(seq);
      } else if (op < 9) {
        if (naive.uids.empty()) continue;
        const auto seq = static_cast<std::uint32_t>(1 + random() % naive.uids.size());
        FetchData d;
        d.uid = next_uid;
        // Flags from a small pool, in any case and order, so that lists are shared, change
        // and fall out of use.
        static constexpr std::string_view kPool[] = {"\\Seen", "\\seen", "\\Deleted", "$Junk"};
        if (random() % 3 != 0) {
          d.flags.emplace();
          for (auto k = static_cast<std::uint32_t>(random() % 3); k > 0; --k)
            d.flags->push_back(kPool[random() % std::size(kPool)]);
          naive.flags[seq - 1] = FlagSets::canonical(*d.flags);
        }
        mb.apply_fetch(seq, d);
        naive.uids[seq - 1] = next_uid++;
      } else {
        const auto first = static_cast<std::uint32_t>(1 + random() % (next_uid + 1));
        const auto last = first + static_cast<std::uint32_t>(random() % 20);
        mb.apply_vanished(*SequenceSet::parse(std::to_string(first) + ":" + std::to_string(last)));
        naive.apply_vanished(first, last);
      }
      expect_same(mb, naive, step);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

TEST(MailboxRenumbering, SeqOfUidCountsOnlyRemainingMessages) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(100);
  for (std::uint32_t i = 1; i <= 100; ++i) {
    FetchData d;
    d.uid = i * 10;
    mb.apply_fetch(i, d);
  }
  for (int i = 0; i < 70; ++i)
    mb.apply_expunge(1);  // past half expunged: the slots are compacted
  EXPECT_EQ(mb.exists(), 30u);
  EXPECT_EQ(mb.seq_of_uid(710), 1u);
  EXPECT_EQ(mb.seq_of_uid(1000), 30u);
  EXPECT_EQ(mb.seq_of_uid(700), 0u);
  EXPECT_EQ(mb.message(30)->uid, 1000u);
}

// seq_of_uid bisects on UIDs ascending with sequence numbers (RFC 9051 §2.3.1.1). Here most
// UIDs are unknown (only some messages were fetched) and expunged messages await compaction:
// every known UID is still found at its number, and UIDs between them are not found.
TEST(MailboxRenumbering, SeqOfUidFindsUidsAmongUnknownAndExpungedMessages) {
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    SelectedMailbox mb("INBOX", false);
    NaiveMailbox naive;
    mb.apply_exists(500);
    naive.apply_exists(500);
    const std::uint32_t every = 1 + static_cast<std::uint32_t>(random() % 40);
    for (std::uint32_t seq = 1; seq <= 500; ++seq) {
      if (seq % every != 0) continue;
      FetchData d;
      d.uid = 10 * seq;
      mb.apply_fetch(seq, d);
      naive.uids[seq - 1] = 10 * seq;
    }
    for (int k = 0; k < 200; ++k) {  // fewer than half: no compaction
      const auto seq = static_cast<std::uint32_t>(1 + random() % naive.exists);
      mb.apply_expunge(seq);
      naive.apply_expunge(seq);
    }
    for (std::uint32_t seq = 1; seq <= naive.uids.size(); ++seq) {
      const std::uint32_t uid = naive.uids[seq - 1];
      if (uid == 0) continue;
      ASSERT_EQ(mb.seq_of_uid(uid), seq) << "round " << round << " uid " << uid;
      ASSERT_EQ(mb.seq_of_uid(uid + 5), 0u);
    }
    // The messages in a UID range: those of the range whose UID is known, in order.
    for (int k = 0; k < 20; ++k) {
      const auto first = static_cast<std::uint32_t>(random() % 5200);
      const auto last = first + static_cast<std::uint32_t>(random() % 800);
      std::vector<std::uint32_t> expected;
      for (std::uint32_t seq = 1; seq <= naive.uids.size(); ++seq) {
        const std::uint32_t uid = naive.uids[seq - 1];
        if (uid != 0 && uid >= first && uid <= last) expected.push_back(seq);
      }
      std::vector<std::uint32_t> found;
      mb.for_each_uid_in(first, last, [&](std::uint32_t seq, const MessageRecord& m) {
        EXPECT_EQ(m.uid, naive.uids[seq - 1]);
        found.push_back(seq);
      });
      ASSERT_EQ(found, expected) << "round " << round << " uids " << first << ":" << last;
    }
    for (std::uint32_t uid = 10 * every; uid <= 5000; uid += 10 * every) {
      if (std::find(naive.uids.begin(), naive.uids.end(), uid) == naive.uids.end()) {
        ASSERT_EQ(mb.seq_of_uid(uid), 0u) << "expunged uid " << uid;
      }
    }
    EXPECT_EQ(mb.seq_of_uid(5), 0u);
    EXPECT_EQ(mb.seq_of_uid(100000), 0u);
  }
}

// UID lookups bisect the known UIDs by rank: a jump half way, and only some UIDs known, are
// all the same to them.
TEST(MailboxRenumbering, SeqOfUidFindsUnevenlySpreadUids) {
  for (const std::uint32_t every : {1u, 7u}) {
    SelectedMailbox mb("INBOX", false);
    mb.apply_exists(2000);
    const auto uid_of = [](std::uint32_t seq) { return seq <= 1000 ? seq : seq + 1'000'000; };
    for (std::uint32_t seq = 1; seq <= 2000; seq += every) {
      FetchData d;
      d.uid = uid_of(seq);
      mb.apply_fetch(seq, d);
    }
    for (std::uint32_t seq = 1; seq <= 2000; seq += every) {
      ASSERT_EQ(mb.seq_of_uid(uid_of(seq)), seq) << "every " << every;
      ASSERT_EQ(mb.seq_of_uid(uid_of(seq) + 1),
                every == 1 && seq != 1000 && seq != 2000 ? seq + 1 : 0u);
    }
  }
}

}  // namespace
}  // namespace imapscope::analyzer
