#pragma once
// Which kind of input a path holds, told from its content (and, for a Dovecot rawlog, from
// its partner file), and the one entry point that streams any of them into a StreamSink.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "capture/capture_options.h"
#include "capture/input_error.h"
#include "capture/stream_sink.h"

namespace imapscope::capture {

enum class InputKind { kTranscript, kRawlog, kPcap, kPcapng };

std::string_view input_kind_name(InputKind kind);

struct InputSpec {
  InputKind kind = InputKind::kTranscript;
  std::string path;          // for a rawlog, the .in file
  std::string partner_path;  // for a rawlog, the .out file
};

std::variant<InputSpec, InputError> identify_input(const std::string& path);

// Streams the input into `sink`, numbering its connections from `next_id` on (and advancing it).
// `capture` says how pcap/pcapng inputs are read (other kinds ignore it).
std::optional<InputError> read_input(const InputSpec& spec, ConnectionId& next_id, StreamSink& sink,
                                     const CaptureOptions& capture = {});

}  // namespace imapscope::capture
