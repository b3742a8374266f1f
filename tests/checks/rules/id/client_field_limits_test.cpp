#include "tests/support/rule_test.h"

RULE_FIRES(IdClientFieldLimits, "id.client-field-limits", LongField, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ID] ready
C: a1 ID ("a-field-name-longer-than-thirty-octets" "x")
S: * ID NIL
S: a1 OK done
)",
           3)

// RFC 2971 §3.1 example.
RULE_SILENT(IdClientFieldLimits, "id.client-field-limits", RfcExample, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ID] ready
C: a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")
S: * ID NIL
S: a023 OK ID completed
)")
