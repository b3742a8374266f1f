// Known-answer tests of the typed command views, on the RFCs' examples.
#include "analyzer/typed/command_view.h"

#include <gtest/gtest.h>

#include "tests/analyzer/typed/typed_test_support.h"

namespace imapscope::testing {
namespace {

using namespace analyzer::typed;
using Words = std::vector<std::string_view>;

TEST(TypedCommand, FetchItemsSectionsAndModifiers) {
  // RFC 9051 §6.4.5 example, and RFC 7162 §3.2.6's UID FETCH with CHANGEDSINCE and VANISHED.
  auto p = parse_command_text("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])");
  auto f = read_fetch_command(p->command);
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->uid);
  ASSERT_TRUE(f->set.set);
  EXPECT_EQ(f->set.set->count(10), 3u);
  ASSERT_EQ(f->items.size(), 2u);
  EXPECT_TRUE(f->items[0].is("FLAGS"));
  EXPECT_EQ(f->items[1].section->header_fields, (Words{"DATE", "FROM"}));
  EXPECT_TRUE(f->asks_for("BODY"));

  p = parse_command_text("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)");
  f = read_fetch_command(p->command);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->uid);
  EXPECT_EQ(f->changedsince, 12345u);
  EXPECT_TRUE(f->vanished);

  // RFC 5182 §2.1: "$" is the saved search result; macros stay unexpanded.
  p = parse_command_text("A003 FETCH $ ALL");
  f = read_fetch_command(p->command);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->set.saved_result());
  EXPECT_EQ(f->macro, "ALL");

  p = parse_command_text("a1 FETCH 1 BODY.PEEK[1.MIME]<10.200>");
  f = read_fetch_command(p->command);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->items[0].name, "BODY.PEEK");
  EXPECT_EQ(f->items[0].section->part, (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(f->items[0].section->text, "MIME");
  EXPECT_EQ(f->items[0].origin, 10u);
  EXPECT_EQ(f->items[0].count, 200u);

  for (std::string_view bad : {"a FETCH x FLAGS", "a FETCH 1 BODY[0]", "a FETCH 1 (\"FLAGS\")",
                               "a FETCH 1 FLAGS (CHANGEDSINCE)", "a NOOP"}) {
    p = parse_command_text(bad);
    EXPECT_FALSE(read_fetch_command(p->command)) << bad;
  }
}

TEST(TypedCommand, Store) {
  // RFC 7162 §3.1.3 example.
  auto p =
      parse_command_text("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)");
  auto s = read_store_command(p->command);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->unchangedsince, 320162338u);
  EXPECT_EQ(s->mode, StoreCommand::Mode::kAdd);
  EXPECT_TRUE(s->silent);
  EXPECT_TRUE(s->flags_item);
  EXPECT_EQ(s->flags, (Words{"\\Deleted"}));

  // RFC 9051 §9: store-att-flags allows flags without parentheses.
  p = parse_command_text("a UID STORE 1:* -FLAGS \\Seen $Junk");
  s = read_store_command(p->command);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->uid);
  EXPECT_EQ(s->mode, StoreCommand::Mode::kRemove);
  EXPECT_FALSE(s->silent);
  EXPECT_EQ(s->flags, (Words{"\\Seen", "$Junk"}));

  p = parse_command_text("a STORE 1 X-GM-LABELS (foo)");
  s = read_store_command(p->command);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->flags_item);
  EXPECT_EQ(s->mode, StoreCommand::Mode::kReplace);

  p = parse_command_text("a STORE 1 FLAGS");
  EXPECT_FALSE(read_store_command(p->command));
}

TEST(TypedCommand, SelectWithCondstoreAndQresync) {
  // RFC 7162 §3.2.5.2 example.
  auto p = parse_command_text(
      "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))");
  auto s = read_select_command(p->command, p->message);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->mailbox.text, "INBOX");
  EXPECT_FALSE(s->condstore);
  ASSERT_TRUE(s->qresync);
  EXPECT_EQ(s->qresync->uidvalidity, 67890007u);
  EXPECT_EQ(s->qresync->modseq, 20050715194045000u);
  ASSERT_TRUE(s->qresync->known_uids);
  EXPECT_EQ(s->qresync->known_uids->text, "41,43:211,214:541");

  p = parse_command_text(
      "B04 SELECT \"A B\" (CONDSTORE QRESYNC (67890007 90060115194045000 1:29997 (5000,7500 "
      "12000,15000)))");
  s = read_select_command(p->command, p->message);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->mailbox.form, ImapString::Form::kQuoted);
  EXPECT_TRUE(s->condstore);
  EXPECT_EQ(s->qresync->known_sequence_numbers->text, "5000,7500");
  EXPECT_EQ(s->qresync->known_sequence_uids->text, "12000,15000");

  p = parse_command_text("a EXAMINE NIL");
  s = read_select_command(p->command, p->message);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->examine);
  EXPECT_EQ(s->mailbox.form, ImapString::Form::kAtom);  // a mailbox may be called NIL

  p = parse_command_text("a SELECT INBOX (QRESYNC (0 1))");  // nz-number uidvalidity
  EXPECT_FALSE(read_select_command(p->command, p->message));
}

TEST(TypedCommand, CopyMoveAppendStatusSearch) {
  auto p = parse_command_text("a UID MOVE 42:69 foo");  // RFC 6851 §4.3
  auto c = read_copy_command(p->command, p->message);
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->uid && c->move);
  EXPECT_EQ(c->mailbox.text, "foo");

  // RFC 3502 §6.3 MULTIAPPEND, two messages with flags and a date.
  p = parse_command_text(
      "A003 APPEND saved-messages (\\Seen) {3}\\r\\nabc (\\Seen) \" 7-Feb-1994 21:52:25 -0800\" "
      "{2}\\r\\nde");
  auto a = read_append_command(p->command, p->message);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->messages.size(), 2u);
  EXPECT_EQ(a->messages[0].content.text, "abc");
  EXPECT_TRUE(a->messages[0].date.nil());
  EXPECT_EQ(a->messages[1].date.text, " 7-Feb-1994 21:52:25 -0800");
  EXPECT_EQ(a->messages[1].content.size, 2u);

  // RFC 6855 §4 UTF8 (literal8) and RFC 4469 §5 CATENATE.
  p = parse_command_text("a APPEND INBOX UTF8 (~{2}\\r\\nhi)");
  a = read_append_command(p->command, p->message);
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->messages[0].utf8);
  EXPECT_TRUE(a->messages[0].content.binary);
  p = parse_command_text(
      "A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE (URL "
      "\"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER\")");
  a = read_append_command(p->command, p->message);
  ASSERT_TRUE(a);
  ASSERT_TRUE(a->messages[0].catenate);
  EXPECT_EQ(a->messages[0].flags.size(), 3u);
  p = parse_command_text("a APPEND INBOX (\\Seen)");
  EXPECT_FALSE(read_append_command(p->command, p->message));

  p = parse_command_text("A042 STATUS blurdybloop (UIDNEXT MESSAGES)");  // RFC 9051 §6.3.11
  auto st = read_status_command(p->command, p->message);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->items, (Words{"UIDNEXT", "MESSAGES"}));

  // RFC 4731 §3.1 example; RFC 9051 §6.4.4 CHARSET.
  p = parse_command_text(
      "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"");
  auto se = read_search_command(p->command, p->message);
  ASSERT_TRUE(se);
  EXPECT_EQ(*se->return_options, (Words{"MIN", "COUNT"}));
  EXPECT_EQ(se->keys.size(), 6u);
  p = parse_command_text("A284 SEARCH CHARSET UTF-8 TEXT {12}\\r\\nXXXXXXXXXXXX");
  se = read_search_command(p->command, p->message);
  ASSERT_TRUE(se);
  EXPECT_EQ(se->charset.text, "UTF-8");
  EXPECT_EQ(se->keys.size(), 2u);
}

}  // namespace
}  // namespace imapscope::testing
