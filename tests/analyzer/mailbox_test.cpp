#include "analyzer/mailbox.h"

#include <gtest/gtest.h>

#include "tests/analyzer/framed.h"

namespace imapscope::analyzer {
namespace {

FetchData fetch_uid(std::uint32_t uid) {
  FetchData d;
  d.uid = uid;
  return d;
}

TEST(SelectedMailbox, ExpungeRenumbersLaterMessages) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(3);
  mb.apply_fetch(1, fetch_uid(10));
  mb.apply_fetch(2, fetch_uid(20));
  mb.apply_fetch(3, fetch_uid(30));
  mb.apply_expunge(1);  // RFC 9051 §7.5.1: each later number decrements at once
  EXPECT_EQ(mb.exists(), 2u);
  EXPECT_EQ(mb.message(1)->uid, 20u);
  EXPECT_EQ(mb.message(2)->uid, 30u);
  EXPECT_EQ(mb.message(3), nullptr);
  EXPECT_EQ(mb.seq_of_uid(30), 2u);
  mb.apply_expunge(5);  // out of range: ignored by the model, reported by a rule
  EXPECT_EQ(mb.exists(), 2u);
}

TEST(SelectedMailbox, VanishedRemovesByUid) {
  SelectedMailbox mb("INBOX", false);
  mb.apply_exists(4);
  for (std::uint32_t i = 1; i <= 4; ++i)
    mb.apply_fetch(i, fetch_uid(i * 10));
  mb.apply_vanished(*SequenceSet::parse("20:30"));
  EXPECT_EQ(mb.exists(), 2u);
  EXPECT_EQ(mb.message(1)->uid, 10u);
  EXPECT_EQ(mb.message(2)->uid, 40u);
}

TEST(SelectedMailbox, CodesAndSelectionSnapshot) {
  SelectedMailbox mb("INBOX", true);
  mb.apply_exists(2);
  mb.apply_code(ResponseCode{"UIDVALIDITY", "3857529045"});
  mb.apply_code(ResponseCode{"UIDNEXT", "4392"});
  mb.apply_code(ResponseCode{"PERMANENTFLAGS", "(\\Deleted \\Seen \\*)"});
  mb.apply_code(ResponseCode{"HIGHESTMODSEQ", "715194045007"});
  mb.apply_code(ResponseCode{"READ-ONLY", ""});
  mb.complete_selection();
  EXPECT_EQ(*mb.uidvalidity(), 3857529045u);
  EXPECT_EQ(*mb.uidnext_at_select(), 4392u);
  ASSERT_TRUE(mb.permanent_flags());
  EXPECT_EQ(mb.permanent_flags()->size(), 3u);
  EXPECT_EQ(*mb.highestmodseq(), 715194045007u);
  EXPECT_TRUE(mb.read_only());
  EXPECT_TRUE(mb.message(1)->at_select);
  mb.apply_exists(3);
  EXPECT_FALSE(mb.message(3)->at_select);  // delivered after the selection
}

TEST(SelectedMailbox, TracksAtMostTheCapButCountsAll) {
  SelectedMailbox mb("big", false);
  mb.apply_exists(4'294'967'295u);
  EXPECT_EQ(mb.exists(), 4'294'967'295u);
  EXPECT_EQ(mb.message(SelectedMailbox::kMaxTrackedMessages + 1), nullptr);
  EXPECT_NE(mb.message(SelectedMailbox::kMaxTrackedMessages), nullptr);
}

TEST(FetchData, ReadsItemsFromARealResponse) {
  const auto msgs = testing::frame_all(
      "* 12 FETCH (UID 4827313 FLAGS (\\Seen $Junk) MODSEQ (65402) RFC822.SIZE 44827 "
      "BODY[] {5}\r\nabcde INTERNALDATE \"17-Jul-1996 02:44:25 -0700\")\r\n",
      Direction::kServerToClient);
  ASSERT_EQ(msgs.size(), 1u);
  Response r;
  SyntaxError err;
  ASSERT_TRUE(parse_response(msgs[0], r, err)) << err.expected;
  const FetchData d = read_fetch(r, msgs[0]);
  EXPECT_TRUE(d.well_formed);
  EXPECT_EQ(*d.uid, 4827313u);
  ASSERT_TRUE(d.flags);
  EXPECT_EQ(d.flags->size(), 2u);
  EXPECT_EQ(*d.modseq, 65402u);
  EXPECT_EQ(*d.rfc822_size, 44827u);
  EXPECT_EQ(*d.body_size, 5u);
  EXPECT_EQ(*d.internaldate, "17-Jul-1996 02:44:25 -0700");
}

TEST(FetchData, NumbersAndCodeWords) {
  EXPECT_EQ(read_number("4294967295"), 4294967295u);
  EXPECT_FALSE(read_number("4294967296"));
  EXPECT_EQ(read_number("9223372036854775807", UINT64_MAX), 9223372036854775807u);
  EXPECT_FALSE(read_number("12a"));
  EXPECT_EQ(code_word("38505 3955:3957 1:3", 1), "3955:3957");
  EXPECT_EQ(code_word("38505", 1), "");
  EXPECT_EQ(read_flag_list("(\\Seen \\Deleted)")->size(), 2u);
  EXPECT_FALSE(read_flag_list("\\Seen"));
}

}  // namespace
}  // namespace imapscope::analyzer
