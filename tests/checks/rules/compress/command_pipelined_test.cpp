#include "tests/support/rule_test.h"

RULE_FIRES(CompressCommandPipelined, "compress.command-pipelined", Pipelined, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready
C: a1 COMPRESS DEFLATE
C: a2 NOOP
S: a1 NO [COMPRESSIONACTIVE] TLS compresses already
S: a2 OK done
)",
           4)

RULE_SILENT(CompressCommandPipelined, "compress.command-pipelined", Waited, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready
C: a1 COMPRESS DEFLATE
S: a1 NO [COMPRESSIONACTIVE] TLS compresses already
C: a2 NOOP
S: a2 OK done
)")
