#pragma once
// What every byte source produces: connections, and for each of them the bytes of both
// directions in the order they were exchanged. Readers of transcripts, rawlogs and (later)
// captures and live probes all drive this one interface, so the analyzer never knows which
// input it is looking at.

#include <cstdint>
#include <string>
#include <string_view>

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
};

}  // namespace imapscope::capture
