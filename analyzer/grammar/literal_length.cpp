// The literal-length deviation: a literal whose announced octet count does not match the octets
// its sender meant. RFC 9051 §4.3: a literal is "a sequence of zero or more octets (including CR
// and LF), prefix-quoted with an octet count"; §2.2: the receiver "is reading either a line or
// a sequence of octets with a known count followed by a line". A receiver takes exactly the
// count, so a wrong one moves the end of the literal: counted short (LF line endings counted,
// CRLF sent), the rest of the octets become the line after it; counted long, the literal
// swallows the message's end (")" CRLF) and the start of the next message.
//
// Recognised, only when the strict grammar failed on the line right after a literal, where the
// grammar allows nothing but SP, ')' or CRLF:
// - the line after the literal starts with any other octet;
// - the line after it is empty and ended by a bare LF while the literal's last octet is CR: the
//   literal ended between the CR and the LF of a line ending;
// - the line after it starts with SP, but the literal's octets end with CRLF and a tail that,
//   with that line, plausibly begins a message: it swallowed the end of its own message.
#include <string>

#include "analyzer/grammar/grammar_cursor.h"
#include "analyzer/resync.h"

namespace imapscope::analyzer::grammar {
namespace {

std::string shown(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string("'") + c + "'";
  std::string out;
  append_hex_octet(u, out);
  return out;
}

// The literal's octets end with CRLF and a tail that, with the line after the literal, makes a
// line that plausibly begins a message (analyzer/resync.h): the literal swallowed the end of
// its own message and the start of the next one, whose rest is the line after it.
bool swallowed_a_message_start(const Literal& l, std::string_view after, Direction dir) {
  if (!l.complete || l.retained.size() != l.size) return false;
  const std::string_view octets = l.retained;
  const std::size_t crlf = octets.rfind("\r\n");
  if (crlf == std::string_view::npos) return false;
  std::string head(octets.substr(crlf + 2));
  head += after.substr(0, ResyncScanner::kHead);
  return dir == Direction::kClientToServer
             ? plausible_command_start(head)
             : plausible_response_start(head, [](std::string_view) { return true; });
}

}  // namespace

void literal_length(Result& r, const Message& m) {
  if (r.valid || !r.error.deviation.empty()) return;
  const std::size_t line = r.error.line;
  if (line == 0 || line > m.literals.size() || line >= m.lines.size()) return;
  const Literal& literal = m.literals[line - 1];
  const std::string_view after = m.line_text(line);
  const std::string count = "{" + std::to_string(literal.size) + "}";
  std::string found;
  if (!after.empty() && after[0] != ' ' && after[0] != ')') {
    found = shown(after[0]);
  } else if (after.empty() && m.lines[line].bare_lf && literal.complete &&
             literal.retained.size() == literal.size && literal.retained.ends_with('\r')) {
    found = "the LF of a CRLF whose CR is the literal's last octet";
  } else if (!after.empty() && after[0] == ' ' &&
             swallowed_a_message_start(literal, after, m.dir)) {
    found = "the middle of another message, whose start is the literal's last octets";
  } else {
    return;
  }
  r.error.column = 0;
  r.error.offset = m.lines[line].stream_offset;
  r.error.expected = "SP, ')' or CRLF right after the " + std::to_string(literal.size) +
                     " octets of literal " + count + ", not " + found +
                     ": the octet count does not match where the literal ends";
  r.error.rule = "literal";
  r.error.deviation = deviation::kLiteralLength;
}

}  // namespace imapscope::analyzer::grammar
