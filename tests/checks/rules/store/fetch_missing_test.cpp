#include <string>

#include "tests/support/rule_test.h"

namespace {
// Message 1 is known to be \Seen, message 2 to have no flags; the next line is line 14.
std::string known_flags(const char* tail) {
  return std::string(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 2 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: * OK [UIDVALIDITY 1] ok
S: * OK [UIDNEXT 9] ok
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:2 (UID FLAGS)
S: * 1 FETCH (UID 7 FLAGS (\Seen))
S: * 2 FETCH (UID 8 FLAGS ())
S: a2 OK done
)") + tail;
}
}  // namespace

RULE_FIRES(StoreFetchMissing, "store.fetch-missing", AddFlag,
           known_flags("C: a3 STORE 2 +FLAGS (\\Deleted)\nS: a3 OK done\n"), 15)
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", UidStoreRemoveFlag,
           known_flags("C: a3 UID STORE 7:8 -FLAGS (\\Seen)\nS: a3 OK done\n"), 15)

// Message 1 already has \Seen: nothing changes, and Dovecot rightly sends nothing.
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", NoChange,
            known_flags("C: a3 STORE 1 +FLAGS (\\Seen)\nS: a3 OK done\n"))
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", Answered,
            known_flags("C: a3 STORE 1:2 +FLAGS (\\Deleted)\n"
                        "S: * 1 FETCH (FLAGS (\\Seen \\Deleted))\n"
                        "S: * 2 FETCH (FLAGS (\\Deleted))\n"
                        "S: a3 OK done\n"))
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", Silent,
            known_flags("C: a3 STORE 2 +FLAGS.SILENT (\\Deleted)\nS: a3 OK done\n"))
// \Flagged is not in PERMANENTFLAGS: the server may ignore it (RFC 9051 §7.1).
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", NotPermanent,
            known_flags("C: a3 STORE 2 +FLAGS (\\Flagged)\nS: a3 OK done\n"))
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// A set wider than the messages whose flags are known is judged by walking those messages; a
// narrow one by walking the set (known_flags.h). Both must give the same answers.
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", UidStoreWideSet,
           known_flags("C: a3 UID STORE 1:100 -FLAGS (\\Seen)\nS: a3 OK done\n"), 15)
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", StoreToStar,
           known_flags("C: a3 STORE 2:* +FLAGS (\\Deleted)\nS: a3 OK done\n"), 15)
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", UidStoreWideSetAnswered,
            known_flags("C: a3 UID STORE 1:100 +FLAGS (\\Deleted)\n"
                        "S: * 1 FETCH (FLAGS (\\Seen \\Deleted))\n"
                        "S: * 2 FETCH (FLAGS (\\Deleted))\n"
                        "S: a3 OK done\n"))
// After EXPUNGE of message 1, UID 8 is message 1: its flags and UID moved down with it.
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", UidStoreAfterExpunge,
           known_flags("C: a3 NOOP\nS: * 1 EXPUNGE\nS: a3 OK done\n"
                       "C: a4 UID STORE 8 +FLAGS (\\Deleted)\nS: a4 OK done\n"),
           18)
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", UidStoreOfExpungedMessage,
            known_flags("C: a3 NOOP\nS: * 1 EXPUNGE\nS: a3 OK done\n"
                        "C: a4 UID STORE 7 +FLAGS (\\Deleted)\nS: a4 OK done\n"))

// A FETCH that repeats a message's flags in another case, order, with \Recent and a repeat
// keeps them as they were (compared in place, no new set); one that differs replaces them.
// After known_flags(), message 1's flags come again in a FETCH, then `store` is sent; its
// completion is line 18.
namespace {
std::string refetched(const char* flags, const char* store) {
  return known_flags((std::string("C: a3 NOOP\nS: * 1 FETCH (FLAGS ") + flags +
                      ")\nS: a3 OK done\nC: a4 STORE 1 " + store + "\nS: a4 OK done\n")
                         .c_str());
}
}  // namespace

RULE_SILENT(StoreFetchMissing, "store.fetch-missing", RepeatedFlagsKept,
            refetched("(\\recent \\SEEN \\seen)", "+FLAGS (\\Seen)"))
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", RepeatedFlagsStillJudged,
           refetched("(\\recent \\SEEN \\seen)", "-FLAGS (\\Seen)"), 18)
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", ChangedFlagsReplaced,
            refetched("(\\Seen \\Deleted)", "+FLAGS (\\Deleted)"))
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", ChangedFlagsJudgedAnew,
           refetched("()", "+FLAGS (\\Seen)"), 18)
