// RFC 9051 §9 "envelope" and "address" (unchanged from RFC 3501 §9).
#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
bool address(GrammarCursor& g) {
  if (!g.take('(')) return g.fail("'(' opening an address", "address");
  static constexpr const char* kParts[] = {"addr-name", "addr-adl", "addr-mailbox", "addr-host"};
  for (int i = 0; i < 4; ++i) {
    if (i > 0 && !g.sp(std::string("before ") + kParts[i], "address")) return false;
    if (!g.nstring(kParts[i])) return false;
  }
  if (!g.take(')')) return g.fail("')' closing the address", "address");
  return true;
}

// env-from etc. = "(" 1*address ")" / nil  — the ABNF puts no SP between addresses, but the
// sample FETCH of RFC 3501 §8 and RFC 9051 §8 itself writes "(...) (...)" in env-cc, so a
// reader must take both.
bool address_list(GrammarCursor& g, const char* rule) {
  if (g.nil()) return true;
  if (!g.take('(')) return g.fail("'(' opening an address list, or NIL", rule);
  do {
    if (!address(g)) return false;
    if (g.peek() == ' ' && g.peek(1) == '(') g.advance();
  } while (g.peek() == '(');
  if (!g.take(')')) return g.fail("'(' of another address or ')' closing the list", rule);
  return true;
}

}  // namespace

bool envelope(GrammarCursor& g) {
  // envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to
  //            SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
  static constexpr const char* kFields[] = {
      "env-date", "env-subject", "env-from", "env-sender",      "env-reply-to",
      "env-to",   "env-cc",      "env-bcc",  "env-in-reply-to", "env-message-id"};
  if (!g.take('(')) return g.fail("'(' opening the envelope", "envelope");
  for (int i = 0; i < 10; ++i) {
    if (i > 0 && !g.sp(std::string("before ") + kFields[i], "envelope")) return false;
    const bool addresses = i >= 2 && i <= 7;
    if (addresses ? !address_list(g, kFields[i]) : !g.nstring(kFields[i])) return false;
  }
  if (!g.take(')')) return g.fail("')' closing the envelope after env-message-id", "envelope");
  return true;
}

}  // namespace imapscope::analyzer::grammar
