// The generic argument tree reads a multipart BODYSTRUCTURE, whose parts follow each other with
// no SP (RFC 9051 §9: body-type-mpart = 1*body SP media-subtype), as Dovecot sends it; the SP
// is still required everywhere else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzer/response.h"
#include "analyzer/syntax.h"
#include "tests/analyzer/framed.h"

namespace imapscope::analyzer {
namespace {

using testing::frame_one;

TEST(MultipartArguments, AdjacentBodyPartsAreChildrenOfOneList) {
  // Dovecot 2.3's answer to FETCH 1 (BODYSTRUCTURE) for the probe's two-part message.
  const Message m = frame_one(
      "* 1 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 17 1 "
      "NIL NIL NIL NIL)(\"application\" \"octet-stream\" NIL NIL NIL \"base64\" 36 NIL NIL NIL "
      "NIL) \"mixed\" (\"boundary\" \"=_imapscope\") NIL NIL NIL))\r\n",
      Direction::kServerToClient);
  Response r;
  SyntaxError err;
  ASSERT_TRUE(parse_response(m, r, err)) << err.expected << " at column " << err.column;
  ASSERT_EQ(r.args.size(), 1u);
  const Arg& items = r.args[0];
  ASSERT_EQ(items.children.size(), 2u);
  EXPECT_TRUE(items.children[0].is_atom("BODYSTRUCTURE"));
  const Arg& body = items.children[1];
  ASSERT_EQ(body.kind, ArgKind::kList);
  ASSERT_GE(body.children.size(), 3u);
  EXPECT_EQ(body.children[0].kind, ArgKind::kList);
  EXPECT_EQ(body.children[0].children[1].text, "plain");
  EXPECT_EQ(body.children[1].kind, ArgKind::kList);
  EXPECT_EQ(body.children[1].children[1].text, "octet-stream");
  EXPECT_EQ(body.children[2].kind, ArgKind::kQuoted);
  EXPECT_EQ(body.children[2].text, "mixed");
}

TEST(MultipartArguments, NestedMultipartsToo) {
  const Message m = frame_one("((((a)(b) \"alternative\")(c) \"mixed\"))");
  Cursor c(m);
  std::vector<Arg> args;
  SyntaxError err;
  ASSERT_TRUE(parse_arguments(c, args, err)) << err.expected;
  const Arg& mixed = args.at(0).children.at(0);
  ASSERT_EQ(mixed.children.size(), 3u);
  EXPECT_EQ(mixed.children[0].children.size(), 3u);  // (a)(b) "alternative"
  EXPECT_EQ(mixed.children[2].text, "mixed");
}

TEST(MultipartArguments, SpStillSeparatesEverythingElse) {
  for (const char* bad : {"(a(b))", "((a)b)", "(\"x\"(b))", "(a)(b)"}) {
    const Message m = frame_one(bad);
    Cursor c(m);
    std::vector<Arg> args;
    SyntaxError err;
    EXPECT_FALSE(parse_arguments(c, args, err)) << bad;
  }
}

}  // namespace
}  // namespace imapscope::analyzer
