#pragma once
// C:/S: transcripts, the form the RFCs write their examples in:
//   C: a001 LOGIN {11}
//   S: + Ready for additional command text
//   C: FRED FOOBAR {7}
// Each `C: text` / `S: text` line adds `text` CRLF to that direction's stream, in file order;
// `C:` alone adds an empty line. Literal octets are lines of their own and count exactly.
// Lines starting with '#' and blank lines are comments.

#include <optional>
#include <string>

#include "capture/capture_options.h"
#include "capture/input_error.h"
#include "capture/stream_sink.h"

namespace imapscope::capture {

// Streams the whole transcript at `path` into `sink` as connection `id`.
std::optional<InputError> read_transcript(const std::string& path, ConnectionId id,
                                          StreamSink& sink, const ProgressCallback& progress = {});

}  // namespace imapscope::capture
