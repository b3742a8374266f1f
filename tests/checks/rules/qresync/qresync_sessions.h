#pragma once
// Transcript openings shared by the qresync.* and condstore.* rule tests. Lines are numbered
// from 1 at the empty line the raw string starts with.
#include <string>

namespace imapscope::testing {

// QRESYNC enabled and INBOX selected; the next line is line 10.
inline constexpr const char* kQresyncSelected = R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 ENABLE QRESYNC
S: * ENABLED QRESYNC
S: a1 OK enabled
C: a2 SELECT INBOX
S: * 3 EXISTS
S: * OK [HIGHESTMODSEQ 90] ok
S: a2 OK [READ-WRITE] done
)";

// INBOX selected without any ENABLE; the next line is line 6.
inline constexpr const char* kPlainSelected = R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 SELECT INBOX
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
)";

// A server without CONDSTORE, as Courier-IMAP is: it answers OK to STATUS (HIGHESTMODSEQ)
// leaving the item out, and selects INBOX without HIGHESTMODSEQ; the next line is line 9.
inline constexpr const char* kWithoutCondstoreSelected = R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS IDLE] ready
C: a1 STATUS INBOX (MESSAGES HIGHESTMODSEQ)
S: * STATUS INBOX (MESSAGES 3)
S: a1 OK done
C: a2 SELECT INBOX
S: * 3 EXISTS
S: a2 OK [READ-WRITE] done
)";

inline std::string qresync_session(const char* tail) {
  return std::string(kQresyncSelected) + tail;
}
inline std::string plain_session(const char* tail) {
  return std::string(kPlainSelected) + tail;
}

}  // namespace imapscope::testing
