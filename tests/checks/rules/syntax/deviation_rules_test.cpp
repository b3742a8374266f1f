// The named-deviation rules of the strict grammar (checks/rules/syntax/*): each fires on the
// deviation its server or client sends, at the right line, and is silent on correct traffic.
#include "tests/support/rule_test.h"

RULE_FIRES(SyntaxTrailingSpace, "syntax.trailing-space", AfterSearchResults, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 SEARCH UNSEEN
S: * SEARCH 1 2 
S: a2 OK done
)",
           7)
RULE_SILENT(SyntaxTrailingSpace, "syntax.trailing-space", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_FIRES(SyntaxDoubleSpace, "syntax.double-space", BeforeExists, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: *  1688 EXISTS
S: a1 OK [READ-WRITE] done
)",
           4)
RULE_SILENT(SyntaxDoubleSpace, "syntax.double-space", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_FIRES(SyntaxMissingText, "syntax.missing-text", Rev1CodeWithoutText, R"(
S: * OK [CAPABILITY IMAP4rev1] ready
C: a1 SELECT INBOX
S: * OK [UIDVALIDITY 3857529045]
S: a1 OK [READ-WRITE] done
)",
           4)
RULE_SILENT(SyntaxMissingText, "syntax.missing-text", Rev2MayOmitText, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * OK [UIDVALIDITY 3857529045]
S: a1 OK [READ-WRITE] done
)")

RULE_FIRES(SyntaxContinuationNoSpace, "syntax.continuation-no-space", BarePlus, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 APPEND INBOX {3}
S: +
C: abc
S: a1 OK done
)",
           4)
RULE_SILENT(SyntaxContinuationNoSpace, "syntax.continuation-no-space", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_FIRES(SyntaxBodyNil, "syntax.body-nil", EmptyParameterList, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 BODYSTRUCTURE
S: * 1 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" () NIL NIL "7BIT" 3 1))
S: a2 OK done
)",
           7)
RULE_SILENT(SyntaxBodyNil, "syntax.body-nil", NilParameterListIsFine, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 BODYSTRUCTURE
S: * 1 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 3 1))
S: a2 OK done
)")

RULE_FIRES(SyntaxBadNumber, "syntax.bad-number", NegativeOctets, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1 BODYSTRUCTURE
S: * 1 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "7BIT" -1 1))
S: a2 OK done
)",
           7)
RULE_SILENT(SyntaxBadNumber, "syntax.bad-number", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_FIRES(SyntaxUnquotedSpecials, "syntax.unquoted-specials", WildcardInListedName, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LIST "" *
S: * LIST () "/" foo*bar
S: a1 OK done
)",
           4)
RULE_SILENT(SyntaxUnquotedSpecials, "syntax.unquoted-specials", QuotedName, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LIST "" *
S: * LIST () "/" "foo*bar"
S: a1 OK done
)")

RULE_FIRES(SyntaxBlankLine, "syntax.blank-line", BetweenResponses, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: 
S: a1 OK done
)",
           4)
RULE_SILENT(SyntaxBlankLine, "syntax.blank-line", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_FIRES(SyntaxQuoted8bit, "syntax.quoted-8bit", Rev1WithoutUtf8Accept, R"(
S: * OK [CAPABILITY IMAP4rev1] ready
C: a1 LIST "" *
S: * LIST () "/" "Bär"
S: a1 OK done
)",
           4)
RULE_SILENT(SyntaxQuoted8bit, "syntax.quoted-8bit", Rev2AllowsUtf8, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 LIST "" *
S: * LIST () "/" "Bär"
S: a1 OK done
)")

RULE_FIRES(SyntaxClientSentResponse, "syntax.client-sent-response", UntaggedFromClient, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: * OK hello
S: * BAD what
)",
           3)
RULE_SILENT(SyntaxClientSentResponse, "syntax.client-sent-response", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_FIRES(SyntaxServerSentCommand, "syntax.server-sent-command", LoginFromServer, R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
S: a1 LOGIN fred secret
S: a1 OK done
)",
           4)
RULE_SILENT(SyntaxServerSentCommand, "syntax.server-sent-command", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// The generic rules leave a named deviation to its own rule, and now see what the lenient
// parse let through.
TEST(SyntaxStrict, GenericRuleDoesNotDoubleReportADeviation) {
  const auto a = imapscope::testing::analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: *  1688 EXISTS
S: a1 OK [READ-WRITE] done
)");
  EXPECT_EQ(imapscope::testing::violations_of(a, "syntax.double-space").size(), 1u);
  EXPECT_TRUE(imapscope::testing::violations_of(a, "syntax.response").empty());
}

TEST(SyntaxStrict, StrictGrammarFindsWhatTheLenientParseAccepted) {
  const auto a = imapscope::testing::analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 1 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:* (FLAGS FLAG)
S: a2 BAD missing paren
C: a3 FETCH 1 (FLAGS)
S: * 1 FETCH (FLAGS (\Seen) UID x)
S: a3 OK done
)");
  const auto cmd = imapscope::testing::violations_of(a, "syntax.command");
  ASSERT_EQ(cmd.size(), 1u);
  EXPECT_NE(cmd[0].message.find("a fetch attribute at column 21"), std::string::npos)
      << cmd[0].message;
  const auto resp = imapscope::testing::violations_of(a, "syntax.response");
  ASSERT_EQ(resp.size(), 1u);
  EXPECT_NE(resp[0].message.find("nz-number"), std::string::npos) << resp[0].message;
}

TEST(SyntaxStrict, ThreadWithAdjacentListsIsNoLongerAnError) {
  const auto a = imapscope::testing::analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev2 THREAD=REFERENCES] ready
C: a1 SELECT INBOX
S: * 6 EXISTS
S: a1 OK [READ-WRITE] done
C: a2 THREAD REFERENCES UTF-8 ALL
S: * THREAD (1)(2 3)(4 (5)(6))
S: a2 OK done
)");
  EXPECT_TRUE(imapscope::testing::violations_of(a, "syntax.response").empty());
}
