#pragma once
// Hands one live connection's bytes to the pipeline and, optionally, to a C:/S: transcript.
// Bytes go on line by line, each with the transcript line it is (or would be) written at and
// the time it was sent or received, so the probe's violations point at lines of the saved
// transcript exactly as `imapscope check` would report them on re-reading it.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "capture/stream_sink.h"

namespace imapscope::probe {

class StreamRecorder {
 public:
  // `transcript` may be null. `line` is the transcript line the first byte will be on; 0:
  // the connection is not in the transcript, so its origins carry no line.
  StreamRecorder(capture::StreamSink& sink, capture::ConnectionId id, std::ostream* transcript,
                 std::uint64_t line);
  StreamRecorder(const StreamRecorder&) = delete;
  StreamRecorder& operator=(const StreamRecorder&) = delete;

  void begin(const capture::ConnectionMeta& meta);
  // `bytes` as exchanged. `shown` (whole lines, as many as `bytes` holds) replaces them in the
  // transcript: credentials are written there as "***".
  void record(capture::Direction dir, std::string_view bytes, std::string_view shown = {});
  // Flushes a last partial line of each direction and ends the connection in the pipeline.
  void end();

  // A line longer than this is handed on in pieces (the transcript then splits it too).
  static constexpr std::size_t kMaxPendingLine = 1 << 20;

 private:
  struct Pending {
    std::string bytes;
    std::string shown;
  };
  void emit(capture::Direction dir, std::string_view bytes, std::string_view shown);

  capture::StreamSink& sink_;
  capture::ConnectionId id_;
  std::ostream* transcript_;
  std::uint64_t line_;
  bool numbered_;
  bool open_ = false;
  Pending pending_[2];
};

}  // namespace imapscope::probe
