#pragma once
// Which reassembled TCP connections are IMAP, and which end is the server. A connection is
// IMAP when its server port is 143 or 993 (or one given with --port), or when the server's
// first bytes are a greeting, "* OK" or "* PREAUTH" (RFC 9051 §7.1: the server speaks first),
// on any port. Only IMAP connections reach the StreamSink, as client and server streams.
//
// The server is the endpoint that answered the SYN; without a handshake in the capture, the
// one on an IMAP port, or else the one whose first bytes are a greeting. Until a connection is
// decided its events are held (a bounded amount); a connection picked up mid-stream is
// reported as such, with its streams starting after a gap.
//
// Implicit TLS (RFC 8314) shows no greeting in clear, so on a port not known as IMAP's it
// cannot be told from any other TLS: such connections are not analyzed, but the first one to
// each server port is reported (an `unrecognized-tls` capture problem of the input, naming
// the port for --port), so that a capture of IMAPS on a custom port does not just come out
// empty.

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "capture/capture_options.h"
#include "capture/stream_sink.h"
#include "capture/tcp_reassembly.h"

namespace imapscope::capture {

class ImapConnectionFilter final : public TcpStreamSink {
 public:
  // Numbers the IMAP connections from `next_id` on, advancing it.
  ImapConnectionFilter(const CaptureOptions& options, ConnectionId& next_id, StreamSink& sink);
  ~ImapConnectionFilter() override;
  ImapConnectionFilter(const ImapConnectionFilter&) = delete;
  ImapConnectionFilter& operator=(const ImapConnectionFilter&) = delete;

  void on_tcp_open(Handle connection, const TcpConnectionInfo& info) override;
  void on_tcp_data(Handle connection, TcpSide side, std::string_view bytes,
                   const Origin& origin) override;
  void on_tcp_gap(Handle connection, TcpSide side, std::uint64_t bytes_missing,
                  const Origin& origin) override;
  void on_tcp_problem(Handle connection, std::optional<TcpSide> side,
                      const CaptureProblem& problem) override;
  void on_tcp_close(Handle connection) override;
  bool wants(Handle connection) const override;

  // The bytes held per undecided connection before it is decided on what is known.
  static constexpr std::size_t kMaxHeldBytes = 64 << 10;

 private:
  struct Tracked;
  enum class Greeting : unsigned char { kYes, kNo, kNeedMore };

  static Greeting starts_with_greeting(std::string_view bytes);
  void consider_server_bytes(Tracked& t, TcpSide side, std::string_view bytes);
  void decide(Tracked& t, bool imap, bool clean_start);
  void begin_if_needed(Tracked& t, const Origin& origin);
  Direction direction_of(const Tracked& t, TcpSide side) const;
  void forward_data(Tracked& t, TcpSide side, std::string_view bytes, const Origin& origin);
  void forward_gap(Tracked& t, TcpSide side, std::uint64_t bytes_missing, const Origin& origin);
  void forward_problem(Tracked& t, std::optional<TcpSide> side, CaptureProblem problem);
  void note_unrecognized_tls(const Tracked& t);

  // Server ports already reported by note_unrecognized_tls, at most kMaxNotedPorts.
  static constexpr std::size_t kMaxNotedPorts = 16;
  std::vector<std::uint16_t> noted_tls_ports_;

  const CaptureOptions& options_;
  ConnectionId& next_id_;
  StreamSink& sink_;
  std::unordered_map<Handle, std::unique_ptr<Tracked>> tracked_;  // looked up per segment
};

}  // namespace imapscope::capture
