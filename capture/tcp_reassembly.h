#pragma once
// TCP stream reassembly (RFC 9293): turns captured segments back into the two byte streams of
// each connection, and hands them out in the order the two sides exchanged them.
//
// Per connection (its two endpoints) and direction:
// - bytes are delivered in sequence-number order (32-bit numbers wrap around; offsets here are
//   64-bit, counted from the stream's first byte);
// - segments ahead of a hole are held until the hole fills, up to a bound per direction; past
//   it, or when the connection ends, the hole is given up and reported as a gap. Nothing is
//   ever made up for missing bytes;
// - a retransmission or overlap keeps the bytes that came first; differing bytes are reported;
// - SYN starts a connection, FIN ends a direction, RST ends the connection; a new SYN on the
//   same endpoints after the end (port reuse) starts a new connection. A connection the
//   capture picked up without its handshake is delivered too.
//
// Between the two directions, the order is the capture's, refined by acknowledgments: a
// segment that acknowledges the peer's byte X is delivered after the peer's byte X (so a
// client's literal comes after the server's continuation request that it waited for, even
// when the capture holds the packets in another order).

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "capture/capture_problem.h"
#include "capture/origin.h"
#include "capture/tcp_endpoint.h"
#include "capture/tcp_segment.h"

namespace imapscope::capture {

// The endpoint that opened the connection (sent the SYN), when the capture shows the
// handshake; otherwise the one whose segment the capture holds first.
enum class TcpSide : unsigned char { kInitiator = 0, kResponder = 1 };

struct TcpConnectionInfo {
  TcpEndpoint initiator;
  TcpEndpoint responder;
  // A SYN or SYN-ACK is in the capture: the initiator really is the client, and both streams
  // are seen from their first byte.
  bool handshake_seen = false;
};

// What reassembly produces, before anyone has decided what protocol a connection speaks.
class TcpStreamSink {
 public:
  using Handle = std::uint64_t;  // connections are numbered from 1 in the order they appear

  virtual ~TcpStreamSink() = default;
  virtual void on_tcp_open(Handle connection, const TcpConnectionInfo& info) = 0;
  // `bytes` is only valid during the call; `origin` is the packet that carried its first byte.
  virtual void on_tcp_data(Handle connection, TcpSide side, std::string_view bytes,
                           const Origin& origin) = 0;
  // `bytes_missing` bytes of `side`'s stream are not in the capture; `origin` is the packet
  // after them (or the one that acknowledged them).
  virtual void on_tcp_gap(Handle connection, TcpSide side, std::uint64_t bytes_missing,
                          const Origin& origin) = 0;
  // `problem.direction` is left unset: `side` says which stream, when it concerns one.
  virtual void on_tcp_problem(Handle connection, std::optional<TcpSide> side,
                              const CaptureProblem& problem) = 0;
  virtual void on_tcp_close(Handle connection) = 0;
  // False once the sink has no use for the connection (not IMAP): reassembly then ends it at
  // once and ignores the rest of its segments, so other protocols cost no buffering.
  virtual bool wants(Handle /*connection*/) const { return true; }
};

struct ReassemblyLimits {
  // Out-of-order bytes plus in-order bytes waiting for the peer's, per direction.
  std::size_t max_buffered_per_direction = 4 << 20;
  // In-order bytes remembered per direction to compare retransmissions with, at most. A sender
  // retransmits what it has not seen acknowledged (RFC 9293 §3.8.1), so bytes the peer has not
  // acknowledged are kept up to this bound, and bytes it acknowledged only for the last
  // `acknowledged_kept` of them: enough for a retransmission whose ACK was lost after the
  // capture point (a few segments), without holding a full window per direction for every
  // connection of short, acknowledged exchanges. A retransmission reaching further back is
  // reported as not compared (a resource-limit problem), never silently taken as equal.
  std::size_t retransmission_window = 64 << 10;
  std::size_t acknowledged_kept = 8 << 10;
  // Problems of one kind reported per connection before the rest are only counted.
  int max_problems_per_kind = 10;
  // Ended connections remembered, so their last stray segments (the final ACK, a repeated
  // FIN) do not look like new connections picked up mid-stream. The oldest are forgotten.
  std::size_t max_closed_remembered = 1 << 16;
  // Connections open at the same time (0: no limit). A connection that would exceed it is not
  // reassembled, only counted (connections_not_analyzed()), so a SYN flood costs no memory.
  std::size_t max_live_connections = 0;
  // Bytes held back over all connections together (0: no limit); past it, the direction that
  // holds more gives up its holes as gaps, as with max_buffered_per_direction.
  std::size_t max_buffered_total = 0;
};

class TcpReassembler {
 public:
  explicit TcpReassembler(TcpStreamSink& sink, ReassemblyLimits limits = {});
  ~TcpReassembler();
  TcpReassembler(const TcpReassembler&) = delete;
  TcpReassembler& operator=(const TcpReassembler&) = delete;

  void add(const TcpSegment& segment);
  // A segment whose header the capture cut short: its bytes are lost. Returns false when it
  // belongs to no connection seen so far (then nothing is reported here).
  bool add_damaged(const TcpEndpoint& source, const TcpEndpoint& destination, std::uint64_t packet,
                   Timestamp time);
  // The end of the capture: every open connection ends, what is missing becomes gaps. One that
  // carried data and shows no sign of closing (FIN, RST) was cut off by the capture's end: a
  // capture-ended problem and a gap of unknown size on both streams say so, so that its last
  // message, maybe incomplete, is not taken for the stream's real end.
  void finish();
  // Connections not reassembled because max_live_connections were open.
  std::uint64_t connections_not_analyzed() const { return not_analyzed_; }

 private:
  struct Connection;
  using Key = std::pair<TcpEndpoint, TcpEndpoint>;  // the lower endpoint first
  // Every segment looks its connection up: hashed, not ordered (finish() orders by handle).
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept;
  };
  using LiveMap = std::unordered_map<Key, std::unique_ptr<Connection>, KeyHash>;

  Connection& open(const Key& key, const TcpEndpoint& initiator, const TcpEndpoint& responder,
                   bool handshake_seen);
  // `capture_ended`: the connection is still open, the capture just holds no more of it.
  void close(LiveMap::iterator it, bool capture_ended = false);
  // Remembers an ended (or refused, handle 0) connection, forgetting the oldest past the limit.
  void remember_closed(const Key& key, TcpStreamSink::Handle handle);

  TcpStreamSink& sink_;
  ReassemblyLimits limits_;
  LiveMap live_;
  // The connection of the last segment and its key (see add()); null once it is closed.
  Connection* last_ = nullptr;
  Key last_key_;
  // Ended connections (by the handle they had): their stray segments are ignored.
  std::unordered_map<Key, TcpStreamSink::Handle, KeyHash> closed_;
  std::deque<std::pair<Key, TcpStreamSink::Handle>> closed_order_;  // oldest first
  TcpStreamSink::Handle next_handle_ = 1;
  std::size_t buffered_total_ = 0;  // bytes held by all connections
  std::uint64_t not_analyzed_ = 0;
};

}  // namespace imapscope::capture
