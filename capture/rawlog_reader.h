#pragma once
// Dovecot rawlogs: one connection is two files, `NAME.in` (what the client sent) and
// `NAME.out` (what the server sent), byte for byte. With timestamps on (Dovecot's rawlog_dir
// default) every line of both files starts with "SECONDS.MICROSECONDS " — including lines
// inside literals — and the two files are merged by those stamps. Without timestamps the
// order is inferred by turn-taking: the server's greeting, then each client line followed by
// server lines up to the completion or continuation request that answers it.

#include <optional>
#include <string>

#include "capture/capture_options.h"
#include "capture/input_error.h"
#include "capture/stream_sink.h"

namespace imapscope::capture {

std::optional<InputError> read_rawlog(const std::string& in_path, const std::string& out_path,
                                      ConnectionId id, StreamSink& sink,
                                      const ProgressCallback& progress = {});

// Parses a "SECONDS.MICROSECONDS " prefix; returns its length (0 when absent) and the time.
std::size_t parse_rawlog_timestamp(std::string_view line, Timestamp& time);

}  // namespace imapscope::capture
