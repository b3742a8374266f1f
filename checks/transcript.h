#pragma once
// The messages a connection exchanged, first line of each, as a report that draws the
// conversation (the HTML ladder diagram) needs them. Collected only when asked for
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

struct TranscriptMessage {
  MessageKind kind = MessageKind::kCommand;
  capture::Direction direction = capture::Direction::kClientToServer;
  std::uint64_t line = 0;    // 1-based line of its first byte in its file; 0 if none
  std::uint64_t offset = 0;  // byte offset in its direction's stream
  std::uint64_t packet = 0;
  std::optional<capture::Timestamp> time;
  std::string tag;      // the command's tag, or the tagged response's
  std::string excerpt;  // first line, credentials redacted, control bytes as \xNN
};

// Per-connection cap, and the cap over a whole check (all connections together).
inline constexpr std::size_t kTranscriptMessagesPerConnection = 2000;
inline constexpr std::size_t kTranscriptMessagesTotal = 50000;

struct Transcript {
  bool collected = false;  // false unless CheckOptions::collect_transcript was set
  std::vector<TranscriptMessage> messages;
  std::uint64_t omitted = 0;  // messages left out past a cap
};

}  // namespace imapscope::checks
