#include <string>

#include "tests/support/rule_test.h"

namespace {

// Transcript lines ("C: ...") holding exactly `octets` literal octets, each line being its text
// plus CRLF; `octets` must be at least 2.
std::string literal_octets(std::size_t octets) {
  std::string out;
  while (octets > 100) {
    out += "C: " + std::string(98, 'x') + "\n";
    octets -= 100;
  }
  out += "C: " + std::string(octets - 2, 'y') + "\n";
  return out;
}

// A session appending a message of `size` octets as {size+} to a server with `caps`.
std::string append_nonsync(const char* caps, std::size_t size) {
  return std::string("\nS: * PREAUTH [CAPABILITY ") + caps + "] ready\nC: a1 APPEND INBOX {" +
         std::to_string(size) + "+}\n" + literal_octets(size) + "C:\nS: a1 OK APPEND completed\n";
}

}  // namespace

RULE_FIRES(LiteralNonsyncTooLarge, "literal.nonsync-too-large", OverLiteralMinusLimit,
           append_nonsync("IMAP4rev1 LITERAL-", 5000), 3)

// RFC 9051 §4.3: the same 4096-octet limit without LITERAL+.
RULE_FIRES(LiteralNonsyncTooLarge, "literal.nonsync-too-large", OverImap4rev2Limit,
           append_nonsync("IMAP4rev2", 4097), 3)

RULE_SILENT(LiteralNonsyncTooLarge, "literal.nonsync-too-large", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

// 4096 octets are still allowed.
RULE_SILENT(LiteralNonsyncTooLarge, "literal.nonsync-too-large", AtTheLimit,
            append_nonsync("IMAP4rev2 LITERAL-", 4096))

// LITERAL+ lifts the limit (RFC 7888 §3).
RULE_SILENT(LiteralNonsyncTooLarge, "literal.nonsync-too-large", LiteralPlus,
            append_nonsync("IMAP4rev2 LITERAL+", 5000))

// A large synchronizing literal is the right way.
RULE_SILENT(LiteralNonsyncTooLarge, "literal.nonsync-too-large", LargeSynchronizing,
            std::string("\nS: * PREAUTH [CAPABILITY IMAP4rev2 LITERAL-] ready\n"
                        "C: a1 APPEND INBOX {5000}\nS: + ready\n") +
                literal_octets(5000) + "C:\nS: a1 OK APPEND completed\n")
