#include <string>

#include "tests/support/rule_test.h"

namespace {
std::string session_with_id(const std::string& params) {
  return "\nS: * PREAUTH [CAPABILITY IMAP4rev1 ID] ready\nC: a1 ID NIL\nS: * ID " + params +
         "\nS: a1 OK done\n";
}
std::string many_pairs() {
  std::string out = "(";
  for (int i = 0; i < 31; ++i)
    out += (i ? " \"f" : "\"f") + std::to_string(i) + "\" \"v\"";
  return out + ")";
}
}  // namespace

RULE_FIRES(IdServerFieldLimits, "id.server-field-limits", LongValue,
           session_with_id("(\"name\" \"" + std::string(1025, 'x') + "\")"), 4)
RULE_FIRES(IdServerFieldLimits, "id.server-field-limits", TooManyPairs,
           session_with_id(many_pairs()), 4)

// RFC 2971 §3.1 example.
RULE_SILENT(IdServerFieldLimits, "id.server-field-limits", RfcExample,
            session_with_id("(\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" "
                            "\"os-version\" \"5.5\" \"support-url\" "
                            "\"mailto:cyrus-bugs+@andrew.cmu.edu\")"))
