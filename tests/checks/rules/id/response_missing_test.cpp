#include "tests/support/rule_test.h"

RULE_FIRES(IdResponseMissing, "id.response-missing", OkWithoutId, R"(
S: * OK [CAPABILITY IMAP4rev2 ID AUTH=PLAIN] ready
C: a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")
S: a023 OK ID completed
)",
           4)

RULE_SILENT(IdResponseMissing, "id.response-missing", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// RFC 2971 §3.1's example: "a server MAY send NIL in place of the list".
RULE_SILENT(IdResponseMissing, "id.response-missing", NilList, R"(
S: * OK [CAPABILITY IMAP4rev2 ID AUTH=PLAIN] ready
C: a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")
S: * ID NIL
S: a023 OK ID completed
C: a042 ID NIL
S: * ID ("name" "Cyrus" "version" "1.5" "os" "sunos")
S: a042 OK ID command completed
)")
