#include "analyzer/syntax.h"

#include <array>

#include "analyzer/framer.h"

namespace imapscope::analyzer {

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    ch = to_upper_ascii(ch);
  return out;
}

void split_words(std::string_view s, std::vector<std::string_view>& out) {
  while (!s.empty()) {
    const std::size_t sp = s.find(' ');
    const std::string_view word = s.substr(0, sp);
    if (!word.empty()) out.push_back(word);
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
}

bool Arg::is_atom(std::string_view upper) const {
  return kind == ArgKind::kAtom && iequals(text, upper);
}

std::string_view Cursor::rest_of_line() const {
  return std::string_view(m_.text).substr(pos(), line_end() - pos());
}

bool Cursor::take_literal(std::size_t& index) {
  if (line_ >= m_.literals.size()) return false;
  LiteralKind kind{};
  std::uint64_t size = 0;
  std::size_t begin = 0;
  const std::string_view rest = rest_of_line();
  if (!parse_literal_announcement(rest, kind, size, begin) || begin != 0) return false;
  index = line_;
  if (line_ + 1 < m_.lines.size()) {
    ++line_;
    column_ = 0;
  } else {
    column_ += rest.size();  // the stream ended inside the literal
  }
  return true;
}

SyntaxError Cursor::error(std::string expected, std::string rule) const {
  SyntaxError e;
  e.line = line_;
  e.column = column_;
  e.offset = m_.lines.empty() ? m_.offset : m_.lines[line_].stream_offset + column_;
  e.expected = std::move(expected);
  e.rule = std::move(rule);
  return e;
}

namespace {

// A token of the generic tree: atom-like characters, with a bracketed part such as
// BODY[HEADER.FIELDS (DATE)] or a response code kept whole, and flag backslashes and list
// wildcards allowed; the typed grammar judges the exact characters later.
bool is_token_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u == 0x7f) return false;
  return c != '(' && c != ')' && c != '"';
}

bool parse_one(Cursor& c, Arg& arg, SyntaxError& err, std::size_t depth, std::size_t max_depth);

bool parse_list(Cursor& c, Arg& arg, SyntaxError& err, std::size_t depth, std::size_t max_depth) {
  arg.kind = ArgKind::kList;
  arg.begin = c.text_index();
  c.advance();  // '('
  if (depth >= max_depth) {
    err = c.error("at most " + std::to_string(max_depth) + " nested lists", "list");
    return false;
  }
  if (c.consume(')')) {
    arg.end = c.text_index();
    return true;
  }
  arg.children.reserve(4);  // one allocation for the usual short list, not three
  for (;;) {
    // Parsed in place: an Arg is 80 bytes, moved for nothing if built aside. The list is only
    // appended to between children, so the reference holds while its child is parsed.
    Arg& child = arg.children.emplace_back();
    if (!parse_one(c, child, err, depth + 1, max_depth)) {
      arg.children.pop_back();  // what failed is not an argument (the redaction relies on it)
      return false;
    }
    const bool child_is_list = child.kind == ArgKind::kList;
    if (c.consume(')')) break;
    // RFC 9051 §9: body-type-mpart = 1*body SP media-subtype — the parts of a multipart
    // BODYSTRUCTURE follow each other with no SP, "((...)(...) "mixed")".
    if (child_is_list && c.peek() == '(') continue;
    if (!c.consume(' ')) {
      err = c.error("SP or ')' in parenthesized list", "list");
      return false;
    }
  }
  arg.end = c.text_index();
  return true;
}

bool parse_quoted(Cursor& c, Arg& arg, SyntaxError& err) {
  arg.kind = ArgKind::kQuoted;
  arg.begin = c.text_index();
  c.advance();  // '"'
  const std::size_t start = c.text_index();
  for (;;) {
    if (c.at_line_end()) {
      err = c.error("closing '\"' of quoted string", "quoted");
      return false;
    }
    const char ch = c.peek();
    if (ch == '"') break;
    if (ch == '\\') {
      const char next = c.peek_at(1);
      if (next != '"' && next != '\\') {
        c.advance();
        err = c.error("'\"' or '\\' after '\\' in quoted string", "quoted-specials");
        return false;
      }
      c.advance(2);
      continue;
    }
    c.advance();
  }
  arg.text = std::string_view(c.message().text).substr(start, c.text_index() - start);
  c.advance();  // closing quote
  arg.end = c.text_index();
  return true;
}

bool parse_token(Cursor& c, Arg& arg, SyntaxError& err) {
  arg.kind = ArgKind::kAtom;
  arg.begin = c.text_index();
  int brackets = 0;
  while (!c.at_line_end()) {
    const char ch = c.peek();
    if (ch == '[') {
      ++brackets;
    } else if (ch == ']') {
      if (brackets == 0) break;  // closes an enclosing response code
      --brackets;
    } else if (brackets == 0 && !is_token_char(ch)) {
      break;
    } else if (brackets > 0 && (ch == '\r' || ch == '\n')) {
      break;
    }
    c.advance();
  }
  if (brackets > 0) {
    err = c.error("']'", "section");
    return false;
  }
  arg.end = c.text_index();
  arg.text = std::string_view(c.message().text).substr(arg.begin, arg.end - arg.begin);
  if (arg.text.empty()) {
    err = c.error("an argument", "astring");
    return false;
  }
  return true;
}

bool parse_one(Cursor& c, Arg& arg, SyntaxError& err, std::size_t depth, std::size_t max_depth) {
  const char ch = c.peek();
  if (ch == '(') return parse_list(c, arg, err, depth, max_depth);
  if (ch == '"') return parse_quoted(c, arg, err);
  if (ch == '{' || (ch == '~' && c.peek_at(1) == '{')) {
    const std::size_t begin = c.text_index();
    std::size_t index = 0;
    if (!c.take_literal(index)) {
      err = c.error("literal announcement {n} at the end of the line", "literal");
      return false;
    }
    const Literal& lit = c.message().literals[index];
    // A refused literal ends the command where it stands (RFC 9051 §2.2.1); the tagged BAD or
    // NO already answered it, so it is read as an empty argument, not as a syntax error.
    if (!lit.complete && !lit.refused) {
      err = c.error("all octets of the literal", "literal");
      return false;
    }
    arg.kind = ArgKind::kLiteral;
    arg.begin = begin;
    arg.end = c.message().lines[index].end;
    arg.literal = index;
    arg.text = lit.retained;
    return true;
  }
  return parse_token(c, arg, err);
}

}  // namespace

bool parse_arguments(Cursor& c, std::vector<Arg>& out, SyntaxError& err, std::size_t max_depth) {
  out.reserve(4);
  for (;;) {
    if (!parse_one(c, out.emplace_back(), err, 0, max_depth)) {
      out.pop_back();
      return false;
    }
    if (c.at_end()) return true;
    if (c.peek() == ')') {
      err = c.error("SP or end of line, not an unmatched ')'", "list");
      return false;
    }
    if (!c.consume(' ')) {
      err = c.error("SP between arguments", "SP");
      return false;
    }
  }
}

}  // namespace imapscope::analyzer
