#pragma once
// The generic argument tree every parsed message reduces to before typed parsing, in the
// manner of Dovecot's imap-arg: atoms, quoted strings, literals and parenthesized lists, each
// pointing into its Message. Typed views (Command, Response) are built from it.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/message.h"

namespace imapscope::analyzer {

enum class ArgKind : unsigned char { kAtom, kQuoted, kLiteral, kList };

struct Arg {
  ArgKind kind = ArgKind::kAtom;
  std::string_view text;  // atom text, quoted content without the quotes (escapes kept),
                          // or the retained octets of a literal
  std::size_t begin = 0;  // range in Message::text (for a literal: its announcement)
  std::size_t end = 0;
  std::size_t literal = 0;    // index in Message::literals when kind is kLiteral
  std::vector<Arg> children;  // kind kList

  bool is_atom(std::string_view upper) const;  // an atom equal to `upper`, ignoring case
};

// Where parsing failed and what was expected there. `rule` names the RFC 9051 §9 ABNF rule
// being parsed, so the violation can say which piece of the formal syntax was broken.
struct SyntaxError {
  std::size_t line = 0;    // index in Message::lines
  std::size_t column = 0;  // 0-based byte column in that line
  std::uint64_t offset = 0;
  std::string expected;
  std::string rule;
  // Set when this is a known real-world deviation the strict grammar recovered from (see
  // analyzer/grammar/grammar.h): a dedicated rule reports it, the generic syntax rules do not.
  std::string deviation;
};

// Walks a Message's lines and literals in order. A literal announcement at the end of a line
// is the literal; parsing continues on the next line after it.
class Cursor {
 public:
  explicit Cursor(const Message& m) : m_(m) {}

  bool at_line_end() const { return pos() >= line_end(); }
  bool at_end() const { return at_line_end() && line_ + 1 >= m_.lines.size(); }
  char peek() const { return at_line_end() ? '\0' : m_.text[pos()]; }
  char peek_at(std::size_t ahead) const {
    return pos() + ahead < line_end() ? m_.text[pos() + ahead] : '\0';
  }
  void advance(std::size_t n = 1) { column_ += n; }
  bool consume(char c) {
    if (peek() != c) return false;
    advance();
    return true;
  }
  std::string_view rest_of_line() const;
  std::size_t text_index() const { return pos(); }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const Message& message() const { return m_; }

  // When the rest of this line is a literal announcement backed by a literal, steps over the
  // literal onto the next line and returns its index.
  bool take_literal(std::size_t& index);

  SyntaxError error(std::string expected, std::string rule) const;

 private:
  std::size_t pos() const { return m_.lines[line_].begin + column_; }
  std::size_t line_end() const { return m_.lines[line_].end; }

  const Message& m_;
  std::size_t line_ = 0;
  std::size_t column_ = 0;
};

// RFC 9051 §9: ATOM-CHAR, ASTRING-CHAR, and tag = 1*<any ASTRING-CHAR except "+">.
// ATOM-CHAR = <any CHAR except atom-specials>, as a table: the parsers ask it of nearly every
// byte of every line, so it is inline.
inline constexpr std::array<bool, 256> kAtomChars = [] {
  std::array<bool, 256> t{};
  for (int u = 0x21; u < 0x7f; ++u)  // SP, CTL and 8-bit are not CHAR / are atom-specials
    t[static_cast<std::size_t>(u)] = true;
  for (const char c : {'(', ')', '{', '%', '*', '"', '\\', ']'})
    t[static_cast<unsigned char>(c)] = false;
  return t;
}();

inline bool is_atom_char(char c) {
  return kAtomChars[static_cast<unsigned char>(c)];
}
inline bool is_astring_char(char c) {
  return is_atom_char(c) || c == ']';
}
inline bool is_tag_char(char c) {
  return is_astring_char(c) && c != '+';
}

// Reads SP-separated arguments until the end of the message (or a ')' closing `depth` > 0).
// Nesting deeper than `max_depth` is an error rather than a deep recursion.
bool parse_arguments(Cursor& c, std::vector<Arg>& out, SyntaxError& err,
                     std::size_t max_depth = 64);

inline char to_upper_ascii(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}

// Case-insensitive ASCII comparison; IMAP keywords, atoms and capabilities are case-insensitive.
// Inline: rules and the grammar ask it hundreds of thousands of times per capture.
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_upper_ascii(a[i]) != to_upper_ascii(b[i])) return false;
  }
  return true;
}
std::string to_upper(std::string_view s);
// The SP-separated words of `s`, appended to `out`; runs of SP give no empty words.
void split_words(std::string_view s, std::vector<std::string_view>& out);

}  // namespace imapscope::analyzer
