#pragma once
// The leaves of the typed result (RFC 9051 §4): strings in their three forms and NIL, and
// values the typed layer leaves generic (body extensions, search keys). Each points into the
// Message it was read from — quoted content and atoms into Message::text, a literal's octets
// into Literal::retained — and expires with it.

#include <cstdint>
#include <string_view>

#include "analyzer/syntax.h"

namespace imapscope::analyzer::typed {

// astring / nstring / string (RFC 9051 §4.3, §4.5): an atom, a quoted string, a literal, or
// NIL. Quoted text keeps its backslash escapes, as sent.
struct ImapString {
  enum class Form : unsigned char { kNil, kAtom, kQuoted, kLiteral };
  Form form = Form::kNil;
  std::string_view text;   // the atom, the quoted content, or the literal's retained octets
  std::uint64_t size = 0;  // octets of a literal (may exceed text.size()); else text.size()
  bool binary = false;     // a literal8, ~{n} (RFC 3516 §4.2)

  bool nil() const { return form == Form::kNil; }
  friend bool operator==(const ImapString&, const ImapString&) = default;
};

// Reads an argument as a string. NIL (as an atom, any case) is kNil when `nil_ok`; otherwise
// it is the atom "NIL" (a mailbox may be called NIL). Lists give nothing.
bool read_string(const Arg& a, const Message& m, ImapString& out, bool nil_ok = true);

// A generic value kept as its argument tree: compared by content, not by address, so two
// parses of the same bytes (or of a canonical reprint) are equal.
struct Value {
  const Arg* arg = nullptr;
  const Message* message = nullptr;  // the Message `arg` points into (for its literals)
  friend bool operator==(const Value& a, const Value& b);
};

// Deep comparison of two argument trees by kind, text and children.
bool same_arg(const Arg& a, const Arg& b);

}  // namespace imapscope::analyzer::typed
