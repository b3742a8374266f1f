#include "analyzer/grammar/grammar_cursor.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "analyzer/framer.h"

namespace imapscope::analyzer::grammar {

GrammarCursor::GrammarCursor(const Message& m, const Options& options) : m_(m), options_(options) {}

void GrammarCursor::reset(const Mark& at) {
  line_ = at.line;
  column_ = at.column;
  depth_ = at.depth;
  deviations_.resize(at.deviations);
}

SyntaxError GrammarCursor::here(std::string expected, std::string rule) const {
  SyntaxError e;
  e.line = line_;
  e.column = column_;
  e.offset = m_.lines.empty() ? m_.offset : m_.lines[line_].stream_offset + column_;
  e.expected = std::move(expected);
  e.rule = std::move(rule);
  return e;
}

bool GrammarCursor::fail(std::string expected, std::string rule) {
  const bool further =
      !failed_ || line_ > error_.line || (line_ == error_.line && column_ >= error_.column);
  if (further) error_ = here(std::move(expected), std::move(rule));
  failed_ = true;
  return false;
}

bool GrammarCursor::deviate(const char* name, std::string expected, std::string rule) {
  SyntaxError e = here(std::move(expected), std::move(rule));
  e.deviation = name;
  deviations_.push_back(std::move(e));
  return true;
}

bool GrammarCursor::enter(const char* rule) {
  if (depth_ >= kMaxDepth) {
    return fail("at most " + std::to_string(kMaxDepth) + " nested lists", rule);
  }
  ++depth_;
  return true;
}

namespace {

// A character of the word peek_word() reads: an ATOM-CHAR other than '[' and '<'.
inline bool is_word_char(char c) {
  return is_atom_char(c) && c != '[' && c != '<';
}

}  // namespace

// Both below run several times per message (each keyword tried in turn): they read the line
// through one pointer instead of peek(n)'s bounds arithmetic per character.
std::string_view GrammarCursor::peek_word() const {
  const char* const text = m_.text.data();
  const std::size_t from = pos();
  const std::size_t end = line_end();
  std::size_t i = from;
  while (i < end && is_word_char(text[i]))
    ++i;
  return {text + from, i - from};
}

bool GrammarCursor::keyword(std::string_view upper) {
  // The word at the cursor equals `upper` ignoring case: `upper`'s characters match one by
  // one (each a word character) and no word character follows.
  const char* const text = m_.text.data();
  const std::size_t from = pos();
  const std::size_t end = line_end();
  if (end - from < upper.size()) return false;
  for (std::size_t i = 0; i < upper.size(); ++i) {
    const char c = text[from + i];
    if (!is_word_char(c) || to_upper_ascii(c) != to_upper_ascii(upper[i])) return false;
  }
  if (from + upper.size() < end && is_word_char(text[from + upper.size()])) return false;
  advance(upper.size());
  return true;
}

namespace {

bool only_spaces(std::string_view s) {
  return s.find_first_not_of(' ') == std::string_view::npos;
}

}  // namespace

bool GrammarCursor::sp(std::string_view what, const char* rule) {
  if (!take(' ')) return fail("SP " + std::string(what), rule);
  if (peek() == ' ') {
    // RFC 9051 §9 separates every element by exactly one SP.
    deviate(deviation::kDoubleSpace, "a single SP " + std::string(what), rule);
    while (take(' ')) {
    }
  }
  return true;
}

bool GrammarCursor::sp_after(std::string_view word, const char* rule) {
  if (peek() == ' ' && peek(1) != ' ') {
    advance();
    return true;
  }
  return sp("after " + to_upper(word), rule);
}

bool GrammarCursor::more(const char* rule) {
  if (peek() != ' ') return false;
  if (line_ + 1 >= m_.lines.size() &&
      only_spaces(std::string_view(m_.text).substr(pos(), line_end() - pos()))) {
    deviate(deviation::kTrailingSpace, "end of line, not a trailing SP", rule);
    column_ = line_end() - m_.lines[line_].begin;
    return false;
  }
  return true;
}

bool GrammarCursor::list_sp(const char* rule) {
  const std::size_t at = column_;
  if (!take(' ')) return false;
  if (peek() == ' ') {
    deviate(deviation::kDoubleSpace, "a single SP between list items", rule);
    while (take(' ')) {
    }
  }
  if (peek() == ')') {
    const std::size_t after = column_;
    column_ = at;  // reported where the stray SP is
    deviate(deviation::kTrailingSpace, "')' right after the last item, not a trailing SP", rule);
    column_ = after;
    return false;
  }
  return true;
}

bool GrammarCursor::end(std::string_view what, const char* rule) {
  if (at_end()) return true;
  if (line_ + 1 >= m_.lines.size() &&
      only_spaces(std::string_view(m_.text).substr(pos(), line_end() - pos()))) {
    deviate(deviation::kTrailingSpace, "CRLF " + std::string(what) + ", not a trailing SP", rule);
    column_ = line_end() - m_.lines[line_].begin;
    return true;
  }
  return fail("CRLF " + std::string(what), rule);
}

bool GrammarCursor::atom(std::string_view* out, const char* rule) {
  std::size_t n = 0;
  while (is_atom_char(peek(n)))
    ++n;
  if (n == 0) return fail("an atom", rule);
  if (out != nullptr) *out = std::string_view(m_.text).substr(pos(), n);
  advance(n);
  return true;
}

bool GrammarCursor::number(std::uint64_t* out, const char* rule, bool nonzero, bool wide) {
  const char* what =
      nonzero ? (wide ? "nz-number64" : "nz-number") : (wide ? "number64" : "number");
  if (peek() == '-' && peek(1) >= '0' && peek(1) <= '9') {
    // RFC 9051 §9: number = 1*DIGIT, an unsigned 32-bit value; a sign is never part of it.
    deviate(deviation::kBadNumber, std::string("a ") + what + ", not a negative number", rule);
    advance();
    while (peek() >= '0' && peek() <= '9')
      advance();
    if (out != nullptr) *out = 0;
    return true;
  }
  if (peek() < '0' || peek() > '9') return fail(std::string("a ") + what, rule);
  const std::uint64_t limit =
      wide ? static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
           : std::numeric_limits<std::uint32_t>::max();
  std::uint64_t v = 0;
  const Mark start = mark();
  bool overflow = false;
  while (peek() >= '0' && peek() <= '9') {
    const auto d = static_cast<std::uint64_t>(peek() - '0');
    if (v > (limit - d) / 10) overflow = true;
    if (!overflow) v = v * 10 + d;
    advance();
  }
  if (overflow) {
    reset(start);
    return fail(std::string("a ") + what + " no larger than " + std::to_string(limit), rule);
  }
  if (nonzero && v == 0) {
    reset(start);
    deviate(deviation::kBadNumber, std::string("a ") + what + " (digit-nz *DIGIT), not 0", rule);
    while (peek() >= '0' && peek() <= '9')
      advance();
  }
  if (out != nullptr) *out = v;
  return true;
}

namespace {

// Length of a UTF-8 sequence starting with `lead` (RFC 3629 §4), 0 when it cannot start one.
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

}  // namespace

bool GrammarCursor::quoted(std::string_view* out, const char* rule) {
  if (!take('"')) return fail("'\"' to open a quoted string", rule);
  const std::size_t start = pos();
  bool eight_bit = false;
  for (;;) {
    if (at_line_end()) return fail("closing '\"' of quoted string", "quoted");
    const char c = peek();
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') break;
    if (c == '\\') {
      if (peek(1) != '"' && peek(1) != '\\') {
        advance();
        return fail("'\"' or '\\' after '\\' (quoted-specials)", "QUOTED-CHAR");
      }
      advance(2);
      continue;
    }
    if (u == 0) return fail("a QUOTED-CHAR, not NUL", "QUOTED-CHAR");
    if (u >= 0x80) {
      const std::size_t n = utf8_length(u);
      bool ok = n != 0;
      for (std::size_t i = 1; ok && i < n; ++i) {
        const auto cont = static_cast<unsigned char>(peek(i));
        ok = cont >= 0x80 && cont <= 0xbf;
      }
      if (!ok) return fail("a QUOTED-CHAR (8-bit bytes only as UTF-8)", "QUOTED-CHAR");
      if (!options_.utf8 && !eight_bit) {
        // RFC 3501 §9: QUOTED-CHAR is 7-bit; UTF-8 needs IMAP4rev2 or UTF8=ACCEPT (RFC 6855 §3).
        deviate(deviation::kQuoted8bit, "7-bit QUOTED-CHAR without UTF8=ACCEPT or IMAP4rev2",
                "QUOTED-CHAR");
      }
      eight_bit = true;
      advance(n);
      continue;
    }
    advance();
  }
  if (out != nullptr) *out = std::string_view(m_.text).substr(start, pos() - start);
  advance();
  return true;
}

bool GrammarCursor::literal(std::string_view* out, const char* rule, bool binary) {
  const Mark start = mark();
  if (binary) take('~');
  if (!take('{')) return fail(binary ? "a literal or literal8" : "a literal", rule);
  std::size_t digits = 0;
  while (peek() >= '0' && peek() <= '9') {
    advance();
    ++digits;
  }
  if (digits == 0) return fail("the literal's octet count", "literal");
  if (peek() == '+' || peek() == '-') {
    if (m_.dir == Direction::kServerToClient) {
      return fail("'}' (RFC 7888 §4: only a client sends non-synchronizing literals)", "literal");
    }
    advance();
  }
  if (!take('}')) return fail("'}' closing the literal's octet count", "literal");
  if (!at_line_end()) return fail("CRLF after the literal announcement", "literal");
  if (line_ >= m_.literals.size() || line_ + 1 >= m_.lines.size()) {
    reset(start);
    return fail("the literal's octets", "literal");
  }
  if (out != nullptr) *out = m_.literals[line_].retained;  // a view; the octets are not copied
  ++line_;
  column_ = 0;
  return true;
}

bool GrammarCursor::string(std::string_view* out, const char* rule) {
  if (peek() == '"') return quoted(out, rule);
  if (peek() == '{') return literal(out, rule);
  return fail("a string (quoted or literal)", rule);
}

namespace {

// Bytes that end an unquoted token in any case.
bool ends_token(char c) {
  const auto u = static_cast<unsigned char>(c);
  return c == '\0' || c == ' ' || c == '(' || c == ')' || u < 0x20 || u == 0x7f;
}

}  // namespace

bool GrammarCursor::astring(std::string_view* out, const char* rule) {
  if (peek() == '"' || peek() == '{') return string(out, rule);
  const std::size_t start = pos();
  std::size_t n = 0;
  while (is_astring_char(peek(n)))
    ++n;
  if (!ends_token(peek(n))) {
    // RFC 9051 §9: atom-specials ('%', '*', '\', '"', '{', 8-bit) need a quoted string.
    advance(n);
    deviate(deviation::kUnquotedSpecials, "a quoted string for a value with atom-specials", rule);
    while (!ends_token(peek()))
      advance();
    if (out != nullptr) *out = std::string_view(m_.text).substr(start, pos() - start);
    return true;
  }
  if (n == 0) return fail("an astring (atom, quoted string or literal)", rule);
  advance(n);
  if (out != nullptr) *out = std::string_view(m_.text).substr(start, n);
  return true;
}

bool GrammarCursor::nstring(const char* rule) {
  if (nil()) return true;
  if (peek() == '"' || peek() == '{') return string(nullptr, rule);
  return fail("a string or NIL", rule);
}

bool GrammarCursor::flag(const char* rule, bool perm) {
  if (take('\\')) {
    if (perm && take('*')) return true;
    std::string_view a;
    if (!atom(&a, rule))
      return fail(perm ? "a flag name or '*' after '\\'" : "a flag name after '\\'", rule);
    return true;
  }
  if (!is_atom_char(peek())) return fail(perm ? "a flag (flag-perm)" : "a flag", rule);
  return atom(nullptr, rule);
}

bool GrammarCursor::flag_list(const char* rule, bool perm) {
  return paren_list(
      *this, [&] { return flag(rule, perm); }, "flag", rule);
}

bool GrammarCursor::sequence_set(const char* rule, bool allow_star) {
  if (take('$')) return true;  // RFC 5182 seq-last-command; RFC 9051 §9
  for (;;) {
    for (int side = 0; side < 2; ++side) {
      if (allow_star && take('*')) {
      } else if (peek() >= '0' && peek() <= '9') {
        if (!number(nullptr, rule, true)) return false;
      } else {
        return fail(allow_star ? "a message number or '*' (seq-number)" : "a UID (nz-number)",
                    rule);
      }
      if (side == 0 && !take(':')) break;
    }
    if (!take(',')) return true;
  }
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::string_view kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

}  // namespace

// date-month "-" date-year, shared by date (RFC 9051 §9 date-text) and date-time; `rule`
// names the one being read.
bool GrammarCursor::month_and_year(const char* rule) {
  const std::string_view month =
      std::string_view(m_.text).substr(pos(), std::min<std::size_t>(3, line_end() - pos()));
  if (std::none_of(std::begin(kMonths), std::end(kMonths),
                   [&](std::string_view m) { return iequals(month, m); })) {
    return fail("a month name (date-month: Jan ... Dec)", "date-month");
  }
  advance(3);
  if (!take('-')) return fail("'-' after the month", rule);
  for (int i = 0; i < 4; ++i) {
    if (!is_digit(peek())) return fail("a four-digit year", "date-year");
    advance();
  }
  return true;
}

bool GrammarCursor::date(const char* rule) {
  const bool q = take('"');
  std::size_t n = 0;
  while (n < 2 && is_digit(peek())) {
    advance();
    ++n;
  }
  if (n == 0) return fail("a day of month (date-day)", "date-day");
  if (!take('-')) return fail("'-' after the day", "date-text");
  if (!month_and_year("date-text")) return false;
  if (q && !take('"')) return fail("'\"' closing the date", rule);
  return true;
}

bool GrammarCursor::date_time(const char* rule) {
  if (!take('"')) return fail("'\"' opening a date-time", rule);
  if (peek() == ' ' && is_digit(peek(1))) {
    advance(2);
  } else if (is_digit(peek()) && is_digit(peek(1))) {
    advance(2);
  } else {
    return fail("a two-character day (date-day-fixed)", "date-day-fixed");
  }
  if (!take('-')) return fail("'-' after the day", "date-time");
  if (!month_and_year("date-time")) return false;
  if (!take(' ')) return fail("SP before the time", "date-time");
  for (int i = 0; i < 3; ++i) {
    if (!is_digit(peek()) || !is_digit(peek(1))) return fail("HH:MM:SS", "time");
    advance(2);
    if (i < 2 && !take(':')) return fail("':' in the time", "time");
  }
  if (!take(' ')) return fail("SP before the zone", "date-time");
  if (!take('+') && !take('-')) return fail("'+' or '-' starting the zone", "zone");
  for (int i = 0; i < 4; ++i) {
    if (!is_digit(peek())) return fail("four digits of the zone", "zone");
    advance();
  }
  if (!take('"')) return fail("'\"' closing the date-time", rule);
  return true;
}

bool GrammarCursor::tag(const char* rule) {
  std::size_t n = 0;
  while (is_tag_char(peek(n)))
    ++n;
  if (n == 0) return fail("a tag (any ASTRING-CHAR except '+')", rule);
  advance(n);
  return true;
}

bool GrammarCursor::charset(const char* rule) {
  if (peek() == '"') return quoted(nullptr, rule);
  return atom(nullptr, rule) || fail("a charset (atom or quoted)", rule);
}

bool GrammarCursor::mod_sequence(const char* rule, bool zero_ok) {
  // RFC 7162 §7: mod-sequence-value = 1*DIGIT (positive, < 2^63); mod-sequence-valzer allows 0.
  return number(nullptr, rule, !zero_ok, true);
}

bool GrammarCursor::tagged_ext_comp(const char* rule) {
  for (;;) {
    if (peek() == '(') {
      advance();
      if (!enter(rule)) return false;
      if (!tagged_ext_comp(rule)) return false;
      if (!take(')')) return fail("')' closing tagged-ext-comp", rule);
      leave();
    } else if (!astring(nullptr, rule)) {
      return false;
    }
    if (peek() != ' ') return true;
    advance();
  }
}

bool GrammarCursor::tagged_ext_val(const char* rule) {
  if (take('(')) {
    if (!enter(rule)) return false;
    if (take(')')) {
      leave();
      return true;
    }
    if (!tagged_ext_comp(rule)) return false;
    if (!take(')')) return fail("SP or ')' in tagged-ext-comp", rule);
    leave();
    return true;
  }
  // tagged-ext-simple = sequence-set / number / number64
  std::size_t n = 0;
  while (is_digit(peek(n)) || peek(n) == '*' || peek(n) == ':' || peek(n) == ',' || peek(n) == '$')
    ++n;
  // RFC 9051 §7.3.1's own LIST example gives an extended item the value "text": a string is
  // taken too (the tagged-ext-comp form without its parentheses).
  if (n == 0) return astring(nullptr, rule);
  advance(n);
  return true;
}

bool GrammarCursor::objectid_paren(const char* rule) {
  if (!take('(')) return fail("'(' before the objectid", rule);
  std::size_t n = 0;
  for (char c = peek(); std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
       c = peek(++n)) {
  }
  if (n == 0 || n > 255) return fail("an objectid (1*255 ALPHA / DIGIT / '_' / '-')", "objectid");
  advance(n);
  if (!take(')')) return fail("')' after the objectid", rule);
  return true;
}

void GrammarCursor::rest() {
  line_ = m_.lines.empty() ? 0 : m_.lines.size() - 1;
  column_ = m_.lines.empty() ? 0 : m_.lines[line_].end - m_.lines[line_].begin;
}

void GrammarCursor::text() {
  column_ = line_end() - m_.lines[line_].begin;
}

}  // namespace imapscope::analyzer::grammar
