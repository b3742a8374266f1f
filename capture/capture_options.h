#pragma once
// How captures are read: which TCP connections are IMAP, and how much a connection may buffer
// while it waits for segments that arrive out of order.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace imapscope::capture {

// Reading progress (for a progress bar): the bytes of an input read so far and its size in
// bytes (0 when unknown, as for a pipe). Positions only grow; once the whole input is read
// `done` equals `size`.
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t size)>;

struct CaptureOptions {
  // Server ports besides 143 (imap) and 993 (imaps, RFC 8314). A connection on any other port
  // is IMAP too when the server's first bytes are a greeting ("* OK" or "* PREAUTH").
  std::vector<std::uint16_t> extra_ports;
  // Bytes one direction of a connection may hold back (out-of-order segments, and data waiting
  // for the other direction's bytes it acknowledges). Past it, the missing bytes are given up
  // as a gap.
  std::size_t max_buffered_per_direction = 4 << 20;
  // Bytes all connections together may hold back (0: no limit).
  std::size_t max_buffered_total = 0;
  // TCP connections reassembled at the same time (0: no limit); more are counted and reported
  // as a resource-limit problem of the input, not analyzed.
  std::size_t max_live_connections = 0;
  // Called now and then while any input (transcript, rawlog or capture) is read; may be empty.
  ProgressCallback progress;

  bool is_imap_port(std::uint16_t port) const {
    return port == 143 || port == 993 ||
           std::find(extra_ports.begin(), extra_ports.end(), port) != extra_ports.end();
  }
};

}  // namespace imapscope::capture
