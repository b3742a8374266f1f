#pragma once
// What every byte source produces: connections, and for each of them the bytes of both
// directions in the order they were exchanged. Readers of transcripts, rawlogs and captures
// (and later live probes) all drive this one interface, so the analyzer never knows which
// input it is looking at.

#include <cstdint>
#include <string>
#include <string_view>

#include "capture/capture_problem.h"
#include "capture/direction.h"
#include "capture/origin.h"

namespace imapscope::capture {

using ConnectionId = std::uint32_t;

struct ConnectionMeta {
  std::string client;  // "address:port" when known, else empty
  std::string server;
  // Dovecot writes a connection's log in two parts: imap-login's (greeting up to LOGIN or
  // AUTHENTICATE) and the imap process's (from the login's tagged OK on). A rawlog may be
  // either part, so it may start after the login or end at the hand-off to the imap process.
  bool may_start_after_login = false;
  bool may_end_at_login = false;
};

class StreamSink {
 public:
  virtual ~StreamSink() = default;
  virtual void on_connection_begin(ConnectionId id, const ConnectionMeta& meta) = 0;
  // `bytes` is only valid during the call. `origin` describes its first byte.
  virtual void on_data(ConnectionId id, Direction dir, std::string_view bytes,
                       const Origin& origin) = 0;
  virtual void on_connection_end(ConnectionId id) = 0;
  // `bytes_missing` bytes of `dir`'s stream are not in the input (a capture missed packets);
  // the next on_data continues after them. 0: how many is unknown (the capture began
  // mid-stream). Readers never make up bytes for a gap. `origin` is where the stream resumes.
  virtual void on_gap(ConnectionId /*id*/, Direction /*dir*/, std::uint64_t /*bytes_missing*/,
                      const Origin& /*origin*/) {}
  // Something in the input that limits the analysis (see capture_problem.h). `id` is 0 when
  // it concerns no connection (a corrupt record, an unsupported link type).
  virtual void on_capture_problem(ConnectionId /*id*/, const CaptureProblem& /*problem*/) {}
};

}  // namespace imapscope::capture
