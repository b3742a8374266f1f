#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string rev1(const char* tail) {
  return std::string("\nS: * PREAUTH [CAPABILITY IMAP4rev1] ready\n") + tail;
}
}  // namespace

RULE_FIRES(MailboxClientCreateNotMutf7, "mailbox.client-create-not-mutf7", Create,
           rev1("C: a1 CREATE \"R&D\"\nS: a1 OK done\n"), 3)
RULE_FIRES(MailboxClientCreateNotMutf7, "mailbox.client-create-not-mutf7", RenameTarget,
           rev1("C: a1 RENAME Old \"&Jjo!\"\nS: a1 NO invalid name\n"), 3)

RULE_SILENT(MailboxClientCreateNotMutf7, "mailbox.client-create-not-mutf7", Valid,
            rev1("C: a1 CREATE \"R&-D\"\nS: a1 OK done\n"
                 "C: a2 CREATE \"&U,BTFw-\"\nS: a2 OK done\n"))
