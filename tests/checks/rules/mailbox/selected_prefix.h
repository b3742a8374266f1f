#pragma once
// A session with INBOX selected: 3 messages with UIDs 10, 20, 30 known, UIDNEXT 31.
// Line numbers: the next transcript line after this prefix is line 13.
#include <string>

namespace imapscope::testing {

inline std::string selected_inbox(const char* tail) {
  return std::string(R"(
S: * PREAUTH [CAPABILITY IMAP4rev2 CONDSTORE QRESYNC] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: * FLAGS (\Seen \Deleted)
S: * OK [UIDVALIDITY 7] ok
S: * OK [UIDNEXT 31] ok
S: a1 OK [READ-WRITE] done
C: a2 FETCH 1:3 (UID RFC822.SIZE)
S: * 1 FETCH (UID 10 RFC822.SIZE 5)
S: * 2 FETCH (UID 20 RFC822.SIZE 5)
S: * 3 FETCH (UID 30 RFC822.SIZE 5)
S: a2 OK done
)") + tail;
}

}  // namespace imapscope::testing
