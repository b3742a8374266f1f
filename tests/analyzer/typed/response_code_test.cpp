// Typed response codes (RFC 9051 §7.1, RFC 4315 §3, RFC 7162, RFC 5464, RFC 8474).
#include "analyzer/typed/response_code.h"

#include <gtest/gtest.h>

#include "tests/analyzer/typed/typed_test_support.h"

namespace imapscope::testing {
namespace {

using analyzer::typed::read_response_code;
using Words = std::vector<std::string_view>;

std::optional<analyzer::typed::ResponseCodeData> code_of(std::string_view text,
                                                         std::unique_ptr<ParsedResponse>& keep) {
  keep = parse_response_text(text);
  EXPECT_TRUE(keep->ok && keep->response.code) << text;
  if (!keep->response.code) return std::nullopt;
  return read_response_code(*keep->response.code);
}

TEST(TypedResponseCode, Rfc4315CopyuidAndAppenduid) {
  std::unique_ptr<ParsedResponse> p;
  auto c = code_of("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done", p);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->uidvalidity, 38505u);
  EXPECT_EQ(c->source_uids->count(0), 3u);
  EXPECT_TRUE(c->source_uids->contains(319, 0));
  EXPECT_EQ(c->uids->count(0), 3u);

  c = code_of("A003 OK [APPENDUID 38505 3955] APPEND completed", p);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->uidvalidity, 38505u);
  EXPECT_TRUE(c->uids->contains(3955, 0));
  EXPECT_FALSE(c->source_uids);

  for (std::string_view bad : {"a OK [COPYUID 38505 304] x", "a OK [APPENDUID 0 1] x",
                               "a OK [APPENDUID 1 *] x", "a OK [COPYUID x 1 2] x"}) {
    EXPECT_FALSE(code_of(bad, p)) << bad;
  }
}

TEST(TypedResponseCode, NumbersListsAndSets) {
  std::unique_ptr<ParsedResponse> p;
  EXPECT_EQ(code_of("* OK [UIDNEXT 4392] Predicted next UID", p)->number, 4392u);
  EXPECT_EQ(code_of("* OK [UIDVALIDITY 3857529045] UIDs valid", p)->number, 3857529045u);
  EXPECT_EQ(code_of("* OK [HIGHESTMODSEQ 715194045007] Highest", p)->number, 715194045007u);
  EXPECT_FALSE(code_of("* OK [UIDNEXT 99999999999] x", p));  // beyond nz-number
  EXPECT_EQ(*code_of("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited", p)->list,
            (Words{"\\Deleted", "\\Seen", "\\*"}));
  EXPECT_EQ(*code_of("a NO [BADCHARSET (US-ASCII UTF-8)] x", p)->list,
            (Words{"US-ASCII", "UTF-8"}));
  EXPECT_FALSE(code_of("a NO [BADCHARSET] x", p)->list);
  EXPECT_EQ(*code_of("* OK [CAPABILITY IMAP4rev2 IDLE] x", p)->list, (Words{"IMAP4rev2", "IDLE"}));
  EXPECT_EQ(code_of("d105 OK [MODIFIED 7,9] Conditional STORE failed", p)->uids->count(0), 2u);
  auto m = code_of("a OK [METADATA LONGENTRIES 2199] GETMETADATA complete", p);
  EXPECT_EQ(m->atom, "LONGENTRIES");
  EXPECT_EQ(m->number, 2199u);
  EXPECT_EQ(*code_of("a OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Ok", p)->list,
            (Words{"F2212ea87-6097-4256-9d51-71338625"}));
  auto alert = code_of("* OK [ALERT] System shutdown in 10 minutes", p);
  ASSERT_TRUE(alert);
  EXPECT_TRUE(alert->is("ALERT"));
  EXPECT_TRUE(alert->text.empty());
}

}  // namespace
}  // namespace imapscope::testing
