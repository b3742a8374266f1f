#pragma once
// One framed IMAP message: a client command or a server response, as the framer cut it from a
// direction's byte stream. RFC 9051 §2.2: "The protocol receiver ... is reading either a line or
// a sequence of octets with a known count followed by a line." So a message is a run of lines,
// each but the last ending in a literal announcement that the literal's octets follow.
//
// Lifetime: a Message is owned by the Session and lives while observers handle its events;
// every string_view taken from it (by parsers and rules) expires with it.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capture/direction.h"
#include "capture/origin.h"

namespace imapscope::analyzer {

using capture::Direction;
using capture::Origin;

enum class LiteralKind : unsigned char {
  kSynchronizing,     // {n}   RFC 9051 §4.3: the client waits for a continuation request
  kNonSynchronizing,  // {n+}  RFC 7888 LITERAL+ / LITERAL-
  kBinary,            // ~{n}  RFC 3516 literal8
};

struct Literal {
  LiteralKind kind = LiteralKind::kSynchronizing;
  std::uint64_t size = 0;
  std::uint64_t stream_offset = 0;  // offset of its first octet in the direction's stream
  std::string retained;             // the first octets, up to the framer's retention limit
  bool complete = false;            // all `size` octets arrived
  // A synchronizing literal the server rejected with a tagged BAD or NO instead of a
  // continuation request: the client sent none of its octets and the command ends here
  // (RFC 9051 §2.2.1).
  bool refused = false;
};

struct Line {
  std::size_t begin = 0;  // range in Message::text, without the line's CRLF
  std::size_t end = 0;
  std::uint64_t stream_offset = 0;
  bool bare_lf = false;    // ended in LF without CR (RFC 9051 §2.2 requires CRLF)
  bool truncated = false;  // longer than the framer's line limit; the middle was dropped
};

// A byte range of Message::text holding a credential, replaced by "***" in reports.
using Redaction = std::pair<std::size_t, std::size_t>;

struct Message {
  Direction dir = Direction::kClientToServer;
  std::uint64_t offset = 0;  // stream offset of its first byte
  Origin origin;             // where its first byte came from in the input
  std::string text;          // the lines, concatenated, without their line endings
  std::vector<Line> lines;
  std::vector<Literal> literals;  // literals[i] follows lines[i]
  std::vector<Redaction> redactions;
  bool complete = false;  // false when the stream ended inside it
  bool exchange = false;  // an AUTHENTICATE answer or IDLE's DONE, not a command

  std::string_view line_text(std::size_t i) const {
    return std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin);
  }
  std::string_view first_line() const { return lines.empty() ? std::string_view{} : line_text(0); }
};

// Appends `octet` as "\xNN" (lower-case hex): how reports and errors show a byte that would
// break their line or is not text.
void append_hex_octet(unsigned char octet, std::string& out);

// The first line of `m`, at most `max` bytes, with credentials replaced by "***" unless
// `redact` is false, and control bytes shown as \xNN so a report stays one line.
std::string excerpt(const Message& m, bool redact, std::size_t max = 160);
// The same into `out` (replacing what it held), reusing its storage.
void excerpt(const Message& m, bool redact, std::string& out, std::size_t max = 160);

// Where 0-based column `column` of the first line falls in excerpt(m, redact), counted in the
// octets of the line as sent except that each "***" counts 3: what a report walks to put a
// caret under it. A column inside a redacted credential points at its first '*'.
std::size_t excerpt_column(const Message& m, bool redact, std::size_t column);

}  // namespace imapscope::analyzer
