#pragma once
// How captures are read: which TCP connections are IMAP, and how much a connection may buffer
// while it waits for segments that arrive out of order.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace imapscope::capture {

struct CaptureOptions {
  // Server ports besides 143 (imap) and 993 (imaps, RFC 8314). A connection on any other port
  // is IMAP too when the server's first bytes are a greeting ("* OK" or "* PREAUTH").
  std::vector<std::uint16_t> extra_ports;
  // Bytes one direction of a connection may hold back (out-of-order segments, and data waiting
  // for the other direction's bytes it acknowledges). Past it, the missing bytes are given up
  // as a gap.
  std::size_t max_buffered_per_direction = 4 << 20;

  bool is_imap_port(std::uint16_t port) const {
    return port == 143 || port == 993 ||
           std::find(extra_ports.begin(), extra_ports.end(), port) != extra_ports.end();
  }
};

}  // namespace imapscope::capture
