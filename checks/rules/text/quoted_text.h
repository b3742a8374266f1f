#pragma once
// Helpers for rules about the characters of quoted strings: a walk over a parsed message's
// argument tree (RFC 9051 §4.4 parenthesized lists nest) and the octet classes that decide
// whether a quoted string is 7-bit (RFC 3501 §9 QUOTED-CHAR: TEXT-CHAR is a 7-bit CHAR) or
// well-formed UTF-8 (RFC 9051 §9 QUOTED-CHAR adds UTF8-2 / UTF8-3 / UTF8-4 of RFC 3629 §4).

#include <cstddef>
#include <string_view>
#include <vector>

#include "analyzer/syntax.h"

namespace imapscope::checks {

// The first argument, depth first in message order, for which `pred` holds; null when none.
template <typename Pred>
const analyzer::Arg* find_arg(const std::vector<analyzer::Arg>& args, const Pred& pred) {
  for (const analyzer::Arg& a : args) {
    if (pred(a)) return &a;
    if (a.kind == analyzer::ArgKind::kList) {
      if (const analyzer::Arg* found = find_arg(a.children, pred)) return found;
    }
  }
  return nullptr;
}

inline bool has_8bit(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// RFC 3629 §4: UTF8-char = UTF8-1 / UTF8-2 / UTF8-3 / UTF8-4 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
inline bool is_valid_utf8(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto tail = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return i < s.size() && byte(i) >= lo && byte(i) <= hi;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned b = byte(i);
    if (b < 0x80) {
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (!tail(i + 1)) return false;
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      const unsigned lo = b == 0xE0 ? 0xA0 : 0x80;
      const unsigned hi = b == 0xED ? 0x9F : 0xBF;
      if (!tail(i + 1, lo, hi) || !tail(i + 2)) return false;
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      const unsigned lo = b == 0xF0 ? 0x90 : 0x80;
      const unsigned hi = b == 0xF4 ? 0x8F : 0xBF;
      if (!tail(i + 1, lo, hi) || !tail(i + 2) || !tail(i + 3)) return false;
      i += 4;
    } else {
      return false;  // a continuation octet without a lead, C0, C1 or F5..FF
    }
  }
  return true;
}

// The first quoted string that breaks the quoted grammar in force: any octet >= 0x80 when
// `utf8_allowed` is false (RFC 3501), malformed UTF-8 when it is true (RFC 9051, RFC 6855).
inline const analyzer::Arg* find_bad_quoted(const std::vector<analyzer::Arg>& args,
                                            bool utf8_allowed) {
  return find_arg(args, [&](const analyzer::Arg& a) {
    if (a.kind != analyzer::ArgKind::kQuoted || !has_8bit(a.text)) return false;
    return !utf8_allowed || !is_valid_utf8(a.text);
  });
}

// Where `a` starts: the index of its line in the message and the 0-based column in it.
struct ArgPosition {
  std::size_t line = 0;
  std::size_t column = 0;
};
inline ArgPosition arg_position(const analyzer::Message& m, const analyzer::Arg& a) {
  for (std::size_t i = 0; i < m.lines.size(); ++i) {
    if (a.begin >= m.lines[i].begin && a.begin < m.lines[i].end) {
      return {i, a.begin - m.lines[i].begin};
    }
  }
  return {};
}

}  // namespace imapscope::checks
