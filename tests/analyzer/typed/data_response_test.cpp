// Typed data responses: LIST/LSUB, STATUS, SEARCH, ESEARCH, VANISHED, FLAGS, ENABLED.
#include "analyzer/typed/data_response.h"

#include <gtest/gtest.h>

#include "tests/analyzer/typed/typed_test_support.h"

namespace imapscope::testing {
namespace {

using namespace analyzer::typed;
using Words = std::vector<std::string_view>;

TEST(TypedDataResponse, List) {
  // RFC 9051 §6.3.9 / RFC 5258 §6 examples.
  auto p = parse_response_text(R"x(* LIST () "/" "NewMailbox" ("OLDNAME" ("OldMailbox")))x");
  auto l = read_list_response(p->response, p->message);
  ASSERT_TRUE(l);
  EXPECT_TRUE(l->attributes.empty());
  EXPECT_EQ(l->delimiter.text, "/");
  EXPECT_EQ(l->mailbox.text, "NewMailbox");
  ASSERT_EQ(l->extended.size(), 1u);
  EXPECT_EQ(l->extended[0].tag.text, "OLDNAME");
  EXPECT_EQ(l->extended[0].value.arg->children[0].text, "OldMailbox");

  p = parse_response_text(R"x(* LSUB (\Noselect \HasChildren) NIL foo)x");
  l = read_list_response(p->response, p->message);
  ASSERT_TRUE(l);
  EXPECT_TRUE(l->lsub);
  EXPECT_TRUE(l->delimiter.nil());
  EXPECT_EQ(l->attributes, (Words{"\\Noselect", "\\HasChildren"}));

  p = parse_response_text(R"x(* LIST () / foo)x");  // the delimiter must be quoted
  EXPECT_FALSE(read_list_response(p->response, p->message));
}

TEST(TypedDataResponse, StatusSearchEsearch) {
  auto p = parse_response_text("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 SIZE 98765)");
  auto s = read_status_response(p->response, p->message);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->mailbox.text, "blurdybloop");
  EXPECT_EQ(s->find("UIDNEXT")->value, 44292u);
  EXPECT_EQ(s->find("SIZE")->value, 98765u);
  EXPECT_EQ(s->find("UNSEEN"), nullptr);

  p = parse_response_text("* SEARCH 2 5 6 (MODSEQ 917162500)");  // RFC 7162 §3.1.5
  auto se = read_search_response(p->response);
  ASSERT_TRUE(se);
  EXPECT_EQ(se->numbers, (std::vector<std::uint32_t>{2, 5, 6}));
  EXPECT_EQ(se->modseq, 917162500u);
  p = parse_response_text("* SEARCH");
  EXPECT_TRUE(read_search_response(p->response)->numbers.empty());
  p = parse_response_text("* SEARCH 0");
  EXPECT_FALSE(read_search_response(p->response));

  // RFC 4731 §3.1 examples.
  p = parse_response_text("* ESEARCH (TAG \"A283\") UID MIN 4 MAX 1237 ALL 4:18,21 COUNT 26");
  auto e = read_esearch_response(p->response, p->message);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->tag->text, "A283");
  EXPECT_TRUE(e->uid);
  EXPECT_EQ(e->min, 4u);
  EXPECT_EQ(e->max, 1237u);
  EXPECT_EQ(e->all->count(0), 16u);
  EXPECT_EQ(e->count, 26u);
  p = parse_response_text("* ESEARCH (TAG \"A285\")");
  e = read_esearch_response(p->response, p->message);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->uid || e->min || e->count);
}

TEST(TypedDataResponse, VanishedFlagsEnabled) {
  // RFC 7162 §3.2.10.
  auto p = parse_response_text("* VANISHED (EARLIER) 300:310,405,411");
  auto v = read_vanished_response(p->response);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->earlier);
  EXPECT_EQ(v->uids.count(0), 13u);
  p = parse_response_text("* VANISHED 405,407,410,425");
  v = read_vanished_response(p->response);
  ASSERT_TRUE(v);
  EXPECT_FALSE(v->earlier);
  p = parse_response_text("* VANISHED 1:*");
  EXPECT_FALSE(read_vanished_response(p->response));

  p = parse_response_text("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
  EXPECT_EQ(read_flags_response(p->response)->size(), 5u);
  p = parse_response_text("* ENABLED CONDSTORE QRESYNC");
  EXPECT_EQ(*read_enabled_response(p->response), (Words{"CONDSTORE", "QRESYNC"}));
}

}  // namespace
}  // namespace imapscope::testing
