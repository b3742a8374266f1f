// Near misses: valid RFC examples changed by one character must fail exactly there, saying
// what was expected and naming the RFC 9051 §9 rule.
#include <gtest/gtest.h>

#include <string>

#include "tests/analyzer/grammar/grammar_test_support.h"

namespace imapscope::testing {
namespace {

struct NearMiss {
  const char* text;
  bool client;
  std::size_t column;  // 1-based, as reports show it
  const char* expected;
  const char* rule;
};

constexpr NearMiss kNearMisses[] = {
    // Commands.
    {"a1 FETCH 1:* (FLAGS", true, 20, "SP or ')' after fetch attribute", "fetch-att"},
    {"a1 FETCH 1:* (FLAG)", true, 15, "a fetch attribute", "fetch-att"},
    {"a1 FETCH 1:* BODY[HEADER.FIELD (DATE)]", true, 19, "HEADER, HEADER.FIELDS", "section-spec"},
    {"a1 FETCH 1:* BODY[]<0.>", true, 23, "nz-number64", "partial"},
    {"a1 FETCH 1:* BODY[1.TEXT", true, 25, "']' closing the section", "section"},
    {"a1 FETCH 1,,2 FLAGS", true, 12, "a message number or '*'", "sequence-set"},
    {"a1 FETCH 1:* (FLAGS) (CHANGEDSINCE x)", true, 36, "a number64", "chgsince-fetch-mod"},
    {"a1 SEARCH FROM", true, 15, "SP after FROM", "search-key"},
    {"a1 SEARCH SINCE 1-Fob-2024", true, 19, "a month name", "date-month"},
    {"a1 SEARCH SINCE 1-Feb 2024", true, 22, "'-' after the month", "date-text"},
    {"a1 SEARCH SINCE 1-Feb-24", true, 25, "a four-digit year", "date-year"},
    {"a1 SEARCH OR SEEN", true, 18, "SP between OR's two keys", "search-key"},
    {"a1 SEARCH UNSEEN FROMM x", true, 18, "a search key", "search-key"},
    {"a1 SEARCH (SEEN", true, 16, "SP or ')' after search key", "search-key"},
    {"a1 STORE 1 +FLAGS.SILEN (\\Seen)", true, 13, "FLAGS or FLAGS.SILENT", "store-att-flags"},
    {"a1 STORE 1 +FLAGS (\\Seen", true, 25, "SP or ')' after flag", "flag-list"},
    {"a1 STATUS INBOX (MESSAGES UIDNEX)", true, 27, "a status item", "status-att"},
    {"a1 LOGIN fred", true, 14, "SP after the user name", "login"},
    {"a1 SELECT INBOX (QRESYNC (67890007))", true, 35, "SP after the UIDVALIDITY", "select-param"},
    {"a1 APPEND INBOX (\\Seen) \"7-Feb-1994 21:52:25 -0800\" {5}", true, 26, "a two-character day",
     "date-day-fixed"},
    {"a1 UID FOO 1", true, 8, "COPY, MOVE, FETCH", "uid"},
    // Keywords are named upper case whatever the case they were sent in (sp_after).
    {"a1 select", true, 10, "SP after SELECT", "select"},
    {"a1 uid copy", true, 12, "SP after COPY", "copy"},
    {"a1 STORE 1 flags.silent(\\Seen)", true, 24, "SP after FLAGS.SILENT", "store-att-flags"},
    {"a1 NOOP extra", true, 8, "CRLF after the command", "command"},
    {"a1 LIST \"\" % RETURN (STATUS (MESSAGES)", true, 39, "SP or ')' after return option",
     "list-return-opts"},
    {"a1 ID (\"name\")", true, 14, "SP between field and value", "id-params-list"},
    // Responses.
    {"* 12 FETCH (FLAGS (\\Seen) UID x)", false, 31, "nz-number", "uniqueid"},
    {"* 12 FETCH (FLAGS (\\Seen)UID 5)", false, 26, "SP or ')' after message data item", "msg-att"},
    {"* 12 FETCH (flags(\\Seen))", false, 18, "SP after FLAGS", "msg-att"},
    {"* 12 FETCH (INTERNALDATE \"17-Jly-1996 02:44:25 -0700\")", false, 30, "a month name",
     "date-month"},
    {"* 12 FETCH (INTERNALDATE \"17-Jul/1996 02:44:25 -0700\")", false, 33, "'-' after the month",
     "date-time"},
    {"* 12 FETCH (INTERNALDATE \"17-Jul-1996 02:44:25 -07000\")", false, 53,
     "'\"' closing the date-time", "date-time"},
    {"* 12 FETCH (BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028))",
     false, 76, "SP before body-fld-lines", "body-type-text"},
    {"* 12 FETCH (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL))", false, 58,
     "SP before env-message-id", "envelope"},
    {"* 12 FETCH (ENVELOPE (NIL NIL ((NIL NIL \"a\")) NIL NIL NIL NIL NIL NIL NIL))", false, 44,
     "SP before addr-host", "address"},
    {"* OK [UIDNEXT four] Predicted next UID", false, 15, "nz-number", "nz-number"},
    {"* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*] Limited", false, 40, "SP or ')' after flag",
     "flag-perm"},
    {"* OK [COPYUID 38505 304,319:320 ] done", false, 33, "a UID", "uid-set"},
    {"* OK [UIDVALIDITY 3857529045 Ready", false, 29, "']' closing the response code",
     "resp-text-code"},
    {"* LIST (\\Noselect) \"/\"\"\" foo", false, 23, "SP after the hierarchy delimiter",
     "mailbox-list"},
    {"* LIST (\\Noselect) \"//\" foo", false, 22, "'\"' after the one-character", "mailbox-list"},
    {"* STATUS blurdybloop (MESSAGES 231 UIDNEXT)", false, 43, "SP after UIDNEXT",
     "status-att-val"},
    {"* ESEARCH (TAG \"A282\") MIN 0x2", false, 29, "CRLF after the response", "response"},
    {"* 5 EXIST", false, 5, "EXISTS, RECENT, EXPUNGE or FETCH", "message-data"},
    {"* FLAGS \\Seen", false, 9, "'(' to open flag", "flag-list"},
    {"* NAMESPACE ((\"\" \"/\")) NIL", false, 27, "SP after the other users' namespaces",
     "namespace-response"},
    {"* FOO bar", false, 3, "a response name", "response-data"},
    {"a1 MAYBE done", false, 4, "OK, NO or BAD", "resp-cond-state"},
    {"* QUOTA \"\" (STORAGE 10)", false, 23, "SP after the usage", "quota-resource"},
    {"* VANISHED (EARLIER 300:310", false, 20, "(EARLIER)", "expunged-resp"},
};

TEST(GrammarNearMiss, FailsAtTheRightColumnWithTheExpectation) {
  for (const NearMiss& n : kNearMisses) {
    const auto r = n.client ? command(n.text) : response(n.text);
    if (r.valid) {
      ADD_FAILURE() << "valid: " << n.text;
      continue;
    }
    EXPECT_EQ(r.error.column + 1, n.column) << n.text << "\n  expected " << r.error.expected;
    EXPECT_NE(r.error.expected.find(n.expected), std::string::npos)
        << n.text << "\n  got: expected " << r.error.expected << " (" << r.error.rule << ")";
    if (*n.rule != '\0') {
      EXPECT_EQ(r.error.rule, n.rule) << n.text;
    }
    EXPECT_TRUE(r.error.deviation.empty()) << n.text;
  }
}

TEST(GrammarNearMiss, TheUnchangedOriginalsAreValid) {
  for (const char* text : {"a1 FETCH 1:* (FLAGS)", "a1 FETCH 1:* BODY[HEADER.FIELDS (DATE)]",
                           "a1 FETCH 1:* BODY[]<0.10>", "a1 SEARCH SINCE 1-Feb-2024",
                           "a1 STORE 1 +FLAGS.SILENT (\\Seen)", "a1 UID FETCH 1 FLAGS"}) {
    EXPECT_TRUE(command(text).valid) << text << ": " << command(text).error.expected;
  }
  for (const char* text : {"* 12 FETCH (FLAGS (\\Seen) UID 5)", "* OK [UIDNEXT 4] Predicted",
                           "* LIST (\\Noselect) \"/\" foo", "* 5 EXISTS"}) {
    EXPECT_TRUE(response(text).valid) << text << ": " << response(text).error.expected;
  }
}

TEST(GrammarNearMiss, ErrorCarriesLineAndStreamOffset) {
  // The second line (after the literal) holds the error: line 1, and the offset counts the
  // literal's octets and the first line's CRLF. (An octet other than SP right after the literal
  // would be the literal-length deviation: literal_length_test.cpp.)
  const auto r = command("a1 LOGIN {4}\\r\\nfred");
  ASSERT_FALSE(r.valid);
  EXPECT_EQ(r.error.line, 1u);
  EXPECT_EQ(r.error.column, 0u);
  EXPECT_EQ(r.error.offset, std::string("a1 LOGIN {4}\r\nfred").size());
  EXPECT_EQ(r.error.rule, "login");
}

}  // namespace
}  // namespace imapscope::testing
