#pragma once
// Mailbox names as commands and responses carry them (RFC 9051 §9: mailbox = "INBOX" /
// astring, astring = 1*ASTRING-CHAR / string), and how far two of them can be told apart.
// RFC 9051 §5.1: "The case-insensitive mailbox name INBOX is a special name"; otherwise "this
// specification takes no position on case sensitivity in non-INBOX mailbox names", and
// servers MAY convert denormalized UTF-8 names to NFC. Shared by status.mailbox-mismatch,
// uidplus.appenduid-uidvalidity and capability.metadata-not-advertised.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/message.h"
#include "analyzer/syntax.h"

namespace imapscope::checks::mailbox_name {

// The value of an astring argument: an atom's text, a quoted string without its quotes and
// escapes, or a literal's octets. nullopt for a list, or a literal whose octets were not all
// kept.
inline std::optional<std::string> astring_value(const analyzer::Arg& a,
                                                const analyzer::Message& m) {
  switch (a.kind) {
    case analyzer::ArgKind::kAtom:
      return std::string(a.text);
    case analyzer::ArgKind::kQuoted: {
      std::string out;
      out.reserve(a.text.size());
      for (std::size_t i = 0; i < a.text.size(); ++i) {
        if (a.text[i] == '\\' && i + 1 < a.text.size()) ++i;  // quoted-specials: \\ and \"
        out += a.text[i];
      }
      return out;
    }
    case analyzer::ArgKind::kLiteral: {
      if (a.literal >= m.literals.size()) return std::nullopt;
      const analyzer::Literal& lit = m.literals[a.literal];
      if (!lit.complete || lit.retained.size() != lit.size) return std::nullopt;
      return lit.retained;
    }
    case analyzer::ArgKind::kList:
      return std::nullopt;
  }
  return std::nullopt;
}

inline bool is_inbox(std::string_view name) {
  return analyzer::iequals(name, "INBOX");
}

inline bool ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Certainly the same mailbox: the same octets, or INBOX in any case.
inline bool surely_same(std::string_view a, std::string_view b) {
  return a == b || (is_inbox(a) && is_inbox(b));
}

// Certainly different mailboxes, whatever the server's case sensitivity and Unicode
// normalization: ASCII names that differ other than in letter case.
inline bool surely_different(std::string_view a, std::string_view b) {
  return ascii_only(a) && ascii_only(b) && !analyzer::iequals(a, b);
}

}  // namespace imapscope::checks::mailbox_name
