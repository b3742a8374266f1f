#pragma once
// The strict grammar's cursor: walks a Message's lines and literals like analyzer::Cursor,
// but can go back to a mark (for the few alternatives that need it), remembers the furthest
// failure with what was expected there and its RFC 9051 §9 rule name, and collects the named
// deviations it stepped over. The ABNF primitives shared by commands and responses live here.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/grammar/grammar.h"
#include "analyzer/message.h"
#include "analyzer/syntax.h"

namespace imapscope::analyzer::grammar {

// Nesting limit for parenthesized structures (BODYSTRUCTURE, search keys, THREAD, lists), so
// hostile input such as 100,000 '(' is an error rather than a stack overflow.
inline constexpr std::size_t kMaxDepth = 64;

struct Mark {
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t deviations = 0;
  std::size_t depth = 0;
};

class GrammarCursor {
 public:
  GrammarCursor(const Message& m, const Options& options);

  const Options& options() const { return options_; }
  const Message& message() const { return m_; }
  Mark mark() const { return {line_, column_, deviations_.size(), depth_}; }
  void reset(const Mark& at);

  bool at_line_end() const { return pos() >= line_end(); }
  bool at_end() const { return at_line_end() && line_ + 1 >= m_.lines.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos() + ahead < line_end() ? m_.text[pos() + ahead] : '\0';
  }
  void advance(std::size_t n = 1) { column_ += n; }
  bool take(char c) {
    if (peek() != c) return false;
    advance();
    return true;
  }
  std::size_t column() const { return column_; }
  std::size_t line() const { return line_; }

  // Records a failure here (the furthest one wins) and returns false.
  bool fail(std::string expected, std::string rule);
  // Records a named deviation here and returns true: the caller recovers and goes on.
  bool deviate(const char* name, std::string expected, std::string rule);
  bool failed() const { return failed_; }
  const SyntaxError& error() const { return error_; }
  std::vector<SyntaxError> take_deviations() { return std::move(deviations_); }

  // Depth guard for nested lists.
  bool enter(const char* rule);
  void leave() { --depth_; }

  // ---- RFC 9051 §9 primitives ----
  // The word at the cursor: ATOM-CHARs up to '[' or '<' (so BODY[...] and BODY.PEEK[ split),
  // not consumed.
  std::string_view peek_word() const;
  // Consumes the word when it equals `upper` ignoring case.
  bool keyword(std::string_view upper);
  // SP, `what` says after what (for the message); a second SP is the double-space deviation.
  bool sp(std::string_view what, const char* rule);
  // SP after the keyword `word`: as sp("after " + WORD) (the word upper case, as the RFC spells
  // keywords), but the message is made only when the SP is missing or doubled. Every command
  // and most responses take one after their name; a string each was measurable.
  bool sp_after(std::string_view word, const char* rule);
  // True when SP and more follow; SPs up to the end of the message are the trailing-space
  // deviation (consumed, false). For the optional "*(SP x)" tails of responses.
  bool more(const char* rule);
  // SP that must be followed by more: used between list items where ')' after SP is the
  // trailing-space deviation. Returns false (no failure recorded) when ')' follows.
  bool list_sp(const char* rule);
  // The end of the message; trailing SPs are the trailing-space deviation.
  bool end(std::string_view what, const char* rule);

  bool atom(std::string_view* out, const char* rule);  // 1*ATOM-CHAR
  bool number(std::uint64_t* out, const char* rule, bool nonzero = false, bool wide = false);
  bool nz_number(const char* rule) { return number(nullptr, rule, true); }
  bool number64(const char* rule) { return number(nullptr, rule, false, true); }
  bool nz_number64(const char* rule) { return number(nullptr, rule, true, true); }
  bool quoted(std::string_view* out, const char* rule);
  // literal (RFC 9051 §9: "{" number64 ["+"] "}" CRLF *CHAR8); `binary` also takes literal8
  // "~{" ... (RFC 3516). A server never sends a non-synchronizing literal (RFC 7888 §4).
  bool literal(std::string_view* out, const char* rule, bool binary = false);
  bool string(std::string_view* out, const char* rule);  // quoted / literal
  bool astring(std::string_view* out, const char* rule);
  bool nstring(const char* rule);  // string / nil
  bool nil() { return keyword("NIL"); }
  bool mailbox(const char* rule = "mailbox") { return astring(nullptr, rule); }
  bool flag(const char* rule, bool perm = false);  // flag / flag-perm ("\*")
  bool flag_list(const char* rule, bool perm = false);
  bool sequence_set(const char* rule, bool allow_star = true);
  bool date(const char* rule);       // date = date-text / DQUOTE date-text DQUOTE
  bool date_time(const char* rule);  // DQUOTE date-day-fixed "-" date-month ... DQUOTE
  bool tag(const char* rule);
  bool charset(const char* rule);  // atom / quoted
  bool mod_sequence(const char* rule, bool zero_ok);
  bool tagged_ext_val(const char* rule);  // RFC 4466
  bool objectid_paren(const char* rule);  // RFC 8474 "(" objectid ")"
  // Everything up to the end of the message: text or the arguments of an X command.
  void rest();
  // The rest of the line as resp-text's text (1*TEXT-CHAR); may be empty.
  void text();

 private:
  std::size_t pos() const { return m_.lines[line_].begin + column_; }
  std::size_t line_end() const { return m_.lines[line_].end; }
  SyntaxError here(std::string expected, std::string rule) const;
  bool tagged_ext_comp(const char* rule);
  bool month_and_year(const char* rule);  // date-month "-" date-year

  const Message& m_;
  Options options_;
  std::size_t line_ = 0;
  std::size_t column_ = 0;
  std::size_t depth_ = 0;
  bool failed_ = false;
  SyntaxError error_;
  std::vector<SyntaxError> deviations_;
};

// A '(' item *(SP item) ')' list (or with `allow_empty`, also "()"), with the depth guard,
// the trailing-space deviation, and "SP or ')' after <what>" on failure.
template <class Item>
bool paren_list(GrammarCursor& g, Item item, std::string_view what, const char* rule,
                bool allow_empty = true) {
  if (!g.take('(')) return g.fail("'(' to open " + std::string(what), rule);
  if (!g.enter(rule)) return false;
  if (allow_empty && g.take(')')) {
    g.leave();
    return true;
  }
  for (;;) {
    if (!item()) return false;
    if (g.take(')')) break;
    if (!g.list_sp(rule)) {
      if (g.take(')')) break;  // trailing-space deviation already recorded
      return g.fail("SP or ')' after " + std::string(what), rule);
    }
  }
  g.leave();
  return true;
}

// Sub-grammars (one file each).
bool search_program(GrammarCursor& g);  // ["CHARSET" SP charset SP] search-key *(SP search-key)
bool search_key(GrammarCursor& g);
bool search_return_opts(GrammarCursor& g);  // after SEARCH: SP "RETURN" SP "(" ... ")"
bool fetch_att_list(GrammarCursor& g);      // the FETCH command's macro / att / list
bool msg_att(GrammarCursor& g);             // the FETCH response's "(" ... ")"
bool section(GrammarCursor& g);             // "[" [section-spec] "]"
bool section_binary(GrammarCursor& g);      // "[" [section-part] "]"
bool envelope(GrammarCursor& g);
bool body(GrammarCursor& g);
bool status_att(GrammarCursor& g);  // one status-att of the STATUS command

// Each side's grammar alone (grammar.cpp adds the cross-check for the other side's forms).
Result strict_command(const Message& m, const Options& options);
Result strict_response(const Message& m, const Options& options);
// A failed result whose error sits right after a literal in a way that shows the literal's
// octet count was wrong becomes the literal-length deviation (literal_length.cpp). In place:
// it runs on every message, and nearly every result is valid.
void literal_length(Result& r, const Message& m);

}  // namespace imapscope::analyzer::grammar
