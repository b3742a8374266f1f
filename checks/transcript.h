#pragma once
// The messages a connection exchanged, as a report that draws the conversation (the HTML
// ladder diagram and transcript view) needs them. Collected only when asked for
// (CheckOptions::collect_transcript) and bounded: memory follows the caps, not the input.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "capture/direction.h"
#include "capture/origin.h"

namespace imapscope::checks {

enum class MessageKind : unsigned char {
  kGreeting,      // the server's first message
  kCommand,       // a client command
  kExchange,      // a client line inside AUTHENTICATE or IDLE
  kContinuation,  // "+ ..."
  kUntagged,      // "* ..."
  kCompletion,    // a tagged response
  kUnparsed,      // a message that does not parse
};

std::string_view message_kind_name(MessageKind kind);

// A literal of a message (RFC 9051 §4.3): its announced size and its first octets, as sent.
struct TranscriptLiteral {
  std::uint64_t size = 0;
  std::string head;       // the first octets, at most kTranscriptLiteralHead; empty if redacted
  bool complete = false;  // all `size` octets arrived
  bool redacted = false;  // a credential (LOGIN's password, AUTHENTICATE's response)
};

struct TranscriptMessage {
  MessageKind kind = MessageKind::kCommand;
  capture::Direction direction = capture::Direction::kClientToServer;
  std::uint64_t line = 0;    // 1-based line of its first byte in its file; 0 if none
  std::uint64_t offset = 0;  // byte offset in its direction's stream
  std::uint64_t packet = 0;
  std::optional<capture::Timestamp> time;
  std::string tag;      // the command's tag, or the tagged response's
  std::string excerpt;  // first line, credentials redacted, control bytes as \xNN
  // The whole message: lines[i] is followed by literals[i]. Lines are redacted like the
  // excerpt and cut at kTranscriptLineBytes; past kTranscriptBytesPerMessage the rest of the
  // message is dropped and `cut` set. Empty when only the excerpt is known.
  std::vector<std::string> lines;
  std::vector<TranscriptLiteral> literals;
  bool cut = false;
};

// Per-connection cap, and the cap over a whole check (all connections together).
inline constexpr std::size_t kTranscriptMessagesPerConnection = 2000;
inline constexpr std::size_t kTranscriptMessagesTotal = 50000;
// What one message may keep: a line's bytes, a literal's first octets, and all together (so a
// check keeps at most kTranscriptMessagesTotal * kTranscriptBytesPerMessage of text).
inline constexpr std::size_t kTranscriptLineBytes = 1000;
inline constexpr std::size_t kTranscriptLiteralHead = 512;
inline constexpr std::size_t kTranscriptBytesPerMessage = 2048;

struct Transcript {
  bool collected = false;  // false unless CheckOptions::collect_transcript was set
  std::vector<TranscriptMessage> messages;
  std::uint64_t omitted = 0;  // messages left out past a cap
};

}  // namespace imapscope::checks
