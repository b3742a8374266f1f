#include "tests/support/rule_test.h"

RULE_FIRES(ResponseBadToValidCommand, "response.bad-to-valid-command", BadToSelect, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: a1 BAD try again later
)",
           4)

RULE_FIRES(ResponseBadToValidCommand, "response.bad-to-valid-command", BadToPlainStatus, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 STATUS INBOX (MESSAGES UIDNEXT)
S: a1 BAD internal error
)",
           4)

RULE_FIRES(ResponseBadToValidCommand, "response.bad-to-valid-command", BadToNoopPipelined, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 NOOP
C: a2 LIST "" "*"
S: a2 BAD busy
S: a1 OK done
)",
           5)

RULE_SILENT(ResponseBadToValidCommand, "response.bad-to-valid-command", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A command with a syntax error is what BAD is for.
RULE_SILENT(ResponseBadToValidCommand, "response.bad-to-valid-command", BadToBrokenCommand, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT
S: a1 BAD missing mailbox name
C: a2 STATUS INBOX (MESSAGES
S: a2 BAD unbalanced
C: a3 SELECT  INBOX
S: a3 BAD double space
C: a4 NOOP 
S: a4 BAD trailing space
)")

// RFC 9051 §3: a command in a state that does not allow it may be answered BAD.
RULE_SILENT(ResponseBadToValidCommand, "response.bad-to-valid-command", BadInWrongState, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 CLOSE
S: a1 BAD no mailbox selected
C: a2 EXPUNGE
S: a2 BAD no mailbox selected
)")

// Extension arguments a server without the extension rejects with BAD, and a NO where a valid
// command could not be carried out.
RULE_SILENT(ResponseBadToValidCommand, "response.bad-to-valid-command", ExtensionsAndNo, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1] ready
C: a1 STATUS INBOX (MESSAGES SIZE)
S: a1 BAD unknown status item
C: a2 LIST (SUBSCRIBED) "" "*"
S: a2 BAD no LIST-EXTENDED
C: a3 SELECT INBOX (CONDSTORE)
S: a3 BAD no CONDSTORE
C: a4 SELECT nosuch
S: a4 NO no such mailbox
C: a5 FETCH 1 FLAGS
S: a5 BAD no mailbox selected
)")

// A synchronizing literal the server refused (RFC 9051 §2.2.1) is rejected with BAD or NO.
RULE_SILENT(ResponseBadToValidCommand, "response.bad-to-valid-command", RefusedLiteral, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 CREATE {99999999}
S: a1 BAD name too long
C: a2 NOOP
S: a2 OK done
)")
