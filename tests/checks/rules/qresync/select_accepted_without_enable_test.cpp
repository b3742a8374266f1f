#include "tests/support/rule_test.h"

RULE_FIRES(QresyncSelectAcceptedWithoutEnable, "qresync.select-accepted-without-enable", NoEnable,
           R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 SELECT INBOX (QRESYNC (67890007 20050715194045000))
S: * 3 EXISTS
S: a1 OK [READ-WRITE] done
)",
           5)

// RFC 5161 §3.1: "it is possible to send ENABLE and then immediately SELECT".
RULE_SILENT(QresyncSelectAcceptedWithoutEnable, "qresync.select-accepted-without-enable",
            EnablePipelined, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 ENABLE QRESYNC
C: a2 SELECT INBOX (QRESYNC (67890007 20050715194045000))
S: * ENABLED QRESYNC
S: a1 OK enabled
S: * 3 EXISTS
S: a2 OK [READ-WRITE] done
)")
RULE_SILENT(QresyncSelectAcceptedWithoutEnable, "qresync.select-accepted-without-enable",
            RejectedWithBad, R"(
S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] ready
C: a1 SELECT INBOX (QRESYNC (67890007 20050715194045000))
S: a1 BAD QRESYNC not enabled
)")
