#pragma once
// Transcript openings shared by rule tests: a PREAUTH greeting listing the capabilities
// `caps` (a string literal), then INBOX selected with every response a SELECT requires —
// RFC 3501 §6.3.1 for IMAP4rev1 (with RECENT), RFC 9051 §6.3.2 for IMAP4rev2 (with LIST).
// They are string literals to be glued to the rest of a transcript; the line after them is
// line 11 of the transcript.

#define IMAPSCOPE_SELECTED_REV1(caps)                \
  "\nS: * PREAUTH [CAPABILITY " caps                 \
  "] ready"                                          \
  "\nC: a1 SELECT INBOX"                             \
  "\nS: * 3 EXISTS"                                  \
  "\nS: * 0 RECENT"                                  \
  "\nS: * FLAGS (\\Seen \\Deleted)"                  \
  "\nS: * OK [PERMANENTFLAGS (\\Seen \\Deleted)] ok" \
  "\nS: * OK [UIDVALIDITY 7] UIDs valid"             \
  "\nS: * OK [UIDNEXT 10] Predicted next UID"        \
  "\nS: a1 OK [READ-WRITE] SELECT completed\n"

#define IMAPSCOPE_SELECTED_REV2(caps)                \
  "\nS: * PREAUTH [CAPABILITY " caps                 \
  "] ready"                                          \
  "\nC: a1 SELECT INBOX"                             \
  "\nS: * 3 EXISTS"                                  \
  "\nS: * FLAGS (\\Seen \\Deleted)"                  \
  "\nS: * OK [PERMANENTFLAGS (\\Seen \\Deleted)] ok" \
  "\nS: * OK [UIDVALIDITY 7] UIDs valid"             \
  "\nS: * OK [UIDNEXT 10] Predicted next UID"        \
  "\nS: * LIST () \"/\" INBOX"                       \
  "\nS: a1 OK [READ-WRITE] SELECT completed\n"
