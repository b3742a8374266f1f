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

// A set wider than the mailbox is judged by walking its messages; a
// narrow one by walking the set. Both must give the same answers.
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

// Flags learned out of order (here last message first), as a client that fetches the newest
// messages first does: each message keeps its own. The STORE is line 14, its completion
// line 15.
namespace {
std::string learned_backwards(const char* store) {
  return std::string(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT INBOX
S: * 4 EXISTS
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: * OK [UIDVALIDITY 1] ok
S: a1 OK [READ-WRITE] done
C: a2 FETCH 4,3,1,2 (UID FLAGS)
S: * 4 FETCH (UID 40 FLAGS (\Seen))
S: * 3 FETCH (UID 30 FLAGS ())
S: * 1 FETCH (UID 10 FLAGS (\Deleted \Recent))
S: * 2 FETCH (UID 20 FLAGS ($Junk))
S: a2 OK done
)") + store +
         "S: a3 OK done\n";
}
}  // namespace

RULE_FIRES(StoreFetchMissing, "store.fetch-missing", LearnedBackwardsAdd,
           learned_backwards("C: a3 STORE 3 +FLAGS (\\Seen)\n"), 15)
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", LearnedBackwardsNoChange,
            learned_backwards("C: a3 UID STORE 40,20 +FLAGS (\\Seen)\n"
                              "S: * 2 FETCH (FLAGS ($Junk \\Seen))\n"))
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", LearnedBackwardsUidStore,
           learned_backwards("C: a3 UID STORE 20 +FLAGS (\\Seen)\n"), 15)
// FLAGS replaces the list; \Recent "can not be altered by the client" (RFC 3501 §2.3.2), so a
// list without it is no change to message 1's (\Deleted \Recent).
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", ReplaceIgnoresRecent,
            learned_backwards("C: a3 STORE 1 FLAGS (\\Deleted)\n"))
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", ReplaceChanges,
           learned_backwards("C: a3 STORE 1 FLAGS (\\Seen)\n"), 15)

// RFC 7162 §3.2.10: VANISHED removes messages like EXPUNGE; the others keep their flags (the
// model follows them by UID), so UID 8, now message 1, is still judged.
RULE_FIRES(StoreFetchMissing, "store.fetch-missing", UidStoreAfterVanished,
           known_flags("C: a3 NOOP\nS: * VANISHED 7\nS: a3 OK done\n"
                       "C: a4 UID STORE 8 +FLAGS (\\Deleted)\nS: a4 OK done\n"),
           18)
RULE_SILENT(StoreFetchMissing, "store.fetch-missing", StoreOfVanishedMessage,
            known_flags("C: a3 NOOP\nS: * VANISHED 7\nS: a3 OK done\n"
                        "C: a4 UID STORE 7 +FLAGS (\\Deleted)\nS: a4 OK done\n"))
