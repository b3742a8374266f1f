#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string rev1(const char* tail) {
  return std::string("\nS: * PREAUTH [CAPABILITY IMAP4rev1] ready\n") + tail;
}
}  // namespace

RULE_FIRES(MailboxServerNameNotMutf7, "mailbox.server-name-not-mutf7", UnterminatedShift,
           rev1("C: a1 LIST \"\" \"*\"\nS: * LIST () \"/\" \"&Jjo!\"\nS: a1 OK done\n"), 4)
RULE_FIRES(MailboxServerNameNotMutf7, "mailbox.server-name-not-mutf7", Status,
           rev1("C: a1 STATUS \"R&D\" (MESSAGES)\nS: * STATUS \"R&D\" (MESSAGES 2)\n"
                "S: a1 OK done\n"),
           4)

// RFC 3501 §5.1.3 example names.
RULE_SILENT(MailboxServerNameNotMutf7, "mailbox.server-name-not-mutf7", Valid,
            rev1("C: a1 LIST \"\" \"*\"\n"
                 "S: * LIST () \"/\" \"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"\n"
                 "S: * LIST () \"/\" \"R&-D\"\n"
                 "S: a1 OK done\n"))
// IMAP4rev2 names are UTF-8 (RFC 9051 §5.1).
RULE_SILENT(MailboxServerNameNotMutf7, "mailbox.server-name-not-mutf7", Imap4rev2, R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 LIST "" "*"
S: * LIST () "/" "R&D"
S: a1 OK done
)")
