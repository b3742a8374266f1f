#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string listing(const char* tail) {
  return std::string("\nS: * PREAUTH [CAPABILITY IMAP4rev2] ready\n") + tail;
}
}  // namespace

RULE_FIRES(ListNameNotMatching, "list.name-not-matching", PercentCrossesDelimiter,
           listing("C: a1 LIST \"\" \"%\"\n"
                   "S: * LIST () \"/\" INBOX\n"
                   "S: * LIST () \"/\" Work/Projects\n"
                   "S: a1 OK done\n"),
           5)
RULE_FIRES(ListNameNotMatching, "list.name-not-matching", OtherPrefix,
           listing("C: a1 LIST \"\" \"Archive/*\"\n"
                   "S: * LIST () \"/\" Archive/2023\n"
                   "S: * LIST () \"/\" Drafts\n"
                   "S: a1 OK done\n"),
           5)

// RFC 9051 §6.3.9 examples and INBOX in another case.
RULE_SILENT(ListNameNotMatching, "list.name-not-matching", Matching,
            listing("C: a1 LIST \"\" \"*\"\n"
                    "S: * LIST () \"/\" INBOX\n"
                    "S: * LIST () \"/\" Work/Projects\n"
                    "S: a1 OK done\n"
                    "C: a2 LIST \"\" \"inbox%\"\n"
                    "S: * LIST () \"/\" INBOX\n"
                    "S: a2 OK done\n"
                    "C: a3 LIST \"\" (\"Work/%\" \"Drafts\")\n"
                    "S: * LIST () \"/\" Work/Projects\n"
                    "S: * LIST () \"/\" Drafts\n"
                    "S: a3 OK done\n"))
// LIST "" "" asks for the hierarchy delimiter (RFC 9051 §6.3.9).
RULE_SILENT(ListNameNotMatching, "list.name-not-matching", DelimiterQuery,
            listing("C: a1 LIST \"\" \"\"\nS: * LIST (\\Noselect) \"/\" \"\"\nS: a1 OK done\n"))
// RFC 9051 §6.3.9.8 example 8: CHILDINFO returns a non-matching parent.
RULE_SILENT(ListNameNotMatching, "list.name-not-matching", Childinfo,
            listing("C: a1 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"\n"
                    "S: * LIST () \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\n"
                    "S: * LIST (\\Subscribed \\NonExistent) \"/\" \"Foo/Baz\"\n"
                    "S: a1 OK done\n"))
// A non-empty reference is interpreted by the server.
RULE_SILENT(ListNameNotMatching, "list.name-not-matching", Reference,
            listing("C: a1 LIST ~smith/Mail/ \"foo.*\"\n"
                    "S: * LIST () \"/\" ~smith/Mail/foo.bar\n"
                    "S: a1 OK done\n"))
