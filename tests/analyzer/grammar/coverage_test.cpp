// Forms of RFC 9051 §9, RFC 3501 §9 and the extensions that the RFC example sections do not
// all show, one per grammar area, each valid under the strict grammar.
#include <gtest/gtest.h>

#include "tests/analyzer/grammar/grammar_test_support.h"

namespace imapscope::testing {
namespace {

constexpr const char* kCommands[] = {
    // RFC 9051 / 3501 core, rev1-only forms
    "a1 LSUB \"\" %",
    "a1 CHECK",
    "a1 STATUS INBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)",
    "a1 FETCH 1:* (RFC822 RFC822.HEADER RFC822.TEXT RFC822.SIZE)",
    "a1 FETCH 2,4:7,9:* FAST",
    "a1 FETCH $ (UID)",
    "a1 SEARCH NEW OLD RECENT",
    "a1 SEARCH CHARSET \"UTF-8\" SUBJECT {4}\\r\\ntest",
    "a1 SEARCH OR (FROM a TO b) NOT HEADER X-Spam yes LARGER 100 SMALLER 200 UID 1:5",
    "a1 SEARCH SENTBEFORE \"1-Feb-1994\" SENTON 1-Feb-1994 KEYWORD $Forwarded UNKEYWORD x",
    "a1 FETCH 1 (BODY[1.2.HEADER.FIELDS.NOT (Subject)] BODY.PEEK[3.MIME]<0.100> BODY[TEXT])",
    "a1 STORE 2:4 -FLAGS \\Deleted \\Seen",
    "a1 APPEND INBOX {3}\\r\\nabc",
    "a1 APPEND INBOX (\\Seen) \" 7-Feb-1994 21:52:25 -0800\" {3}\\r\\nabc",
    "a1 AUTHENTICATE PLAIN",
    "a1 ENABLE CONDSTORE QRESYNC UTF8=ACCEPT",
    // RFC 3516 BINARY, literal8
    "a1 FETCH 1 (BINARY[1.2]<0.1024> BINARY.PEEK[] BINARY.SIZE[2])",
    "a1 APPEND INBOX ~{3}\\r\\nabc",
    // RFC 3502 MULTIAPPEND, RFC 4469 CATENATE, RFC 6855 UTF8 append
    "a1 APPEND INBOX {3}\\r\\nabc (\\Seen) {2}\\r\\nde",
    "a1 APPEND INBOX CATENATE (URL \"/INBOX;UID=20/;section=1\" TEXT {3}\\r\\nabc)",
    "a1 APPEND INBOX UTF8 (~{3}\\r\\nabc)",
    // RFC 7888 LITERAL+
    "a1 LOGIN {4+}\\r\\nfred {6+}\\r\\nsecret",
    // RFC 4959 SASL-IR
    "a1 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0",
    "a1 AUTHENTICATE EXTERNAL =",
    // RFC 7162 CONDSTORE / QRESYNC
    "a1 FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)",
    "a1 STORE 1 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
    "a1 SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338",
    "a1 SELECT INBOX (CONDSTORE)",
    "a1 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))",
    "a1 STATUS INBOX (HIGHESTMODSEQ)",
    // RFC 4731 ESEARCH, RFC 5182 SEARCHRES
    "a1 SEARCH RETURN (MIN MAX COUNT) UNSEEN",
    "a1 UID SEARCH RETURN (SAVE) FLAGGED",
    "a1 UID SEARCH RETURN () 1:5",
    // RFC 5258 LIST-EXTENDED, 5819 LIST-STATUS, 6154 SPECIAL-USE
    "a1 LIST (SUBSCRIBED REMOTE RECURSIVEMATCH) \"\" (\"INBOX\" \"Drafts\") RETURN (CHILDREN)",
    "a1 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN) SPECIAL-USE)",
    "a1 CREATE MySpecial (USE (\\Drafts \\Sent))",
    // RFC 4314 ACL
    "a1 SETACL INBOX fred +lrswi",
    "a1 DELETEACL INBOX fred",
    "a1 GETACL INBOX",
    "a1 LISTRIGHTS INBOX fred",
    "a1 MYRIGHTS INBOX",
    // RFC 9208 / 2087 QUOTA
    "a1 GETQUOTA \"\"",
    "a1 GETQUOTAROOT INBOX",
    "a1 SETQUOTA \"\" (STORAGE 512 MESSAGE 1000)",
    // RFC 5464 METADATA
    "a1 SETMETADATA INBOX (/private/comment {3}\\r\\nabc /shared/x NIL)",
    "a1 GETMETADATA (DEPTH infinity) INBOX (/private/filters)",
    // RFC 5256 SORT/THREAD, ESORT
    "a1 SORT (REVERSE ARRIVAL SUBJECT) UTF-8 SINCE 1-Feb-1994",
    "a1 UID SORT RETURN (COUNT) (DATE) US-ASCII ALL",
    "a1 THREAD REFERENCES UTF-8 ALL",
    "a1 UID THREAD ORDEREDSUBJECT US-ASCII SEEN",
    // RFC 2971 ID, 4978 COMPRESS, 3691 UNSELECT, 6851 MOVE, 4315 UIDPLUS, 8437, IDLE
    "a1 ID (\"name\" \"sodr\" \"version\" NIL)",
    "a1 ID NIL",
    "a1 COMPRESS DEFLATE",
    "a1 UNSELECT",
    "a1 MOVE 1:3 Trash",
    "a1 UID MOVE 42 Trash",
    "a1 UID EXPUNGE 3000:3002",
    "a1 UNAUTHENTICATE",
    "a1 IDLE",
    "a1 NAMESPACE",
    // RFC 8474 OBJECTID, RFC 5032 WITHIN, Gmail X-GM-EXT-1, X-commands
    "a1 FETCH 1 (EMAILID THREADID)",
    "a1 SEARCH EMAILID M6d99ac3275bb4e YOUNGER 3600",
    "a1 FETCH 1 (X-GM-MSGID X-GM-THRID X-GM-LABELS)",
    "a1 SEARCH X-GM-RAW \"has:attachment\"",
    "a1 STORE 1 +X-GM-LABELS (\\Important foo)",
    "a1 XLIST \"\" *",
    "a1 XAPPLEPUSHSERVICE aps-version 2",
    "a1 STATUS INBOX (SIZE APPENDLIMIT MAILBOXID DELETED)",
};

constexpr const char* kResponses[] = {
    "* 3 RECENT",
    "* LSUB () \".\" #news.comp.mail.misc",
    "* OK [UNSEEN 12] Message 12 is first unseen",
    "* STATUS INBOX (MESSAGES 3 RECENT 1 UNSEEN 2 SIZE 12345 HIGHESTMODSEQ 7 APPENDLIMIT NIL)",
    "* 1 FETCH (RFC822.SIZE 44827 RFC822.HEADER {3}\\r\\nabc RFC822.TEXT NIL)",
    "* 1 FETCH (BODY[HEADER.FIELDS (DATE FROM)] {3}\\r\\nabc BODY[]<0> \"x\")",
    "* 1 FETCH (BINARY[1] ~{3}\\r\\nabc BINARY.SIZE[1] 3)",
    "* 1 FETCH (MODSEQ (624140003) UID 4 EMAILID (M6d99ac3275bb4e) THREADID NIL SAVEDATE NIL)",
    "* 1 FETCH (X-GM-MSGID 1278455344230334865 X-GM-THRID 1266894439832287888 X-GM-LABELS "
    "(\\Inbox \\Sent Important \"Muy Importante\"))",
    "* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" "
    "1152 23)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 342 (NIL \"s\" NIL NIL NIL NIL NIL NIL "
    "NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"8BIT\" 10 1) 12) \"MIXED\" (\"BOUNDARY\" \"x\") "
    "(\"INLINE\" NIL) (\"EN\" \"DE\") \"loc\" 1 (2 \"x\" NIL)))",
    "* 1 FETCH (BODYSTRUCTURE (\"IMAGE\" \"GIF\" (\"NAME\" \"a.gif\") \"<id>\" \"desc\" \"BASE64\" "
    "42 "
    "\"md5\" (\"ATTACHMENT\" (\"FILENAME\" \"a.gif\")) NIL NIL))",
    "* OK [APPENDUID 38505 3955] APPEND completed",
    "* OK [COPYUID 38505 304,319:320 3956:3958] Done",
    "a1 OK [HIGHESTMODSEQ 715194045007] Highest",
    "* OK [NOMODSEQ] Sorry",
    "a1 OK [MODIFIED 7,9] Conditional STORE failed",
    "a1 NO [UNAVAILABLE] try later",
    "a1 NO [AUTHENTICATIONFAILED] Authentication failed",
    "a1 NO [OVERQUOTA] Sorry",
    "a1 NO [METADATA LONGENTRIES 2199] Some entries too large",
    "a1 OK [MAILBOXID (F2212ea87)] Ok",
    "a1 NO [BADCHARSET (UTF-8 US-ASCII)] bad",
    "* OK [CLOSED] Previous mailbox is now closed",
    "* ESEARCH (TAG \"a1\") UID MIN 2 MAX 47 COUNT 5 ALL 2,10:11",
    "* ESEARCH (TAG \"a2\")",
    "* SEARCH 2 5 6 (MODSEQ 917162500)",
    "* SORT 2 3 6",
    "* THREAD",
    "* THREAD ((3)(5))",
    "* LIST (\\HasChildren \\Drafts) \"/\" Drafts (\"CHILDINFO\" (\"SUBSCRIBED\") \"OLDNAME\" "
    "(\"x\"))",
    "* LIST (\\Noselect) NIL \"\"",
    "* ENABLED CONDSTORE",
    "* ENABLED",
    "* ID (\"name\" \"Dovecot\")",
    "* ID NIL",
    "* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))",
    "* QUOTA \"\" (STORAGE 10 512 MESSAGE 3 100)",
    "* QUOTAROOT INBOX \"\"",
    "* QUOTAROOT INBOX",
    "* ACL INBOX Fred rwipsldexta",
    "* LISTRIGHTS ~/Mail/saved smith la r swicdkxte",
    "* MYRIGHTS INBOX rwiptsldaex",
    "* METADATA INBOX (/private/comment \"My comment\")",
    "* METADATA INBOX /shared/comment /private/comment",
    "* VANISHED (EARLIER) 300:310,405,411",
    "* VANISHED 405,407,410",
    "* BYE Autologout; idle for too long",
    "* PREAUTH IMAP4rev2 server logged in as Smith",
    "+ idling",
    "+ [ALERT] look",
    "+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzmeTxo=",
    "* XAPPLEPUSHSERVICE aps-version 2",
};

TEST(GrammarCoverage, ExtensionCommandsValidate) {
  for (const char* text : kCommands) {
    const auto r = command(text);
    EXPECT_TRUE(r.valid) << text << "\n  expected " << r.error.expected << " at column "
                         << r.error.column + 1 << " (" << r.error.rule << ")";
    EXPECT_TRUE(r.deviations.empty())
        << text << ": " << (r.deviations.empty() ? "" : r.deviations[0].expected);
  }
}

TEST(GrammarCoverage, ExtensionResponsesValidate) {
  for (const char* text : kResponses) {
    const auto r = response(text);
    EXPECT_TRUE(r.valid) << text << "\n  expected " << r.error.expected << " at column "
                         << r.error.column + 1 << " (" << r.error.rule << ")";
    EXPECT_TRUE(r.deviations.empty())
        << text << ": " << (r.deviations.empty() ? "" : r.deviations[0].expected);
  }
}

TEST(GrammarCoverage, LiteralContentsAreNotReadAsGrammar) {
  // The literal holds "(((" and a CRLF: its octets are data, never parsed.
  EXPECT_TRUE(command("a1 LOGIN {5}\\r\\n(((\\r\\n secret").valid);
}

}  // namespace
}  // namespace imapscope::testing
