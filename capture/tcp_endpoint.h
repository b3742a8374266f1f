#pragma once
// One end of a TCP connection: an IPv4 or IPv6 address and a port.

#include <array>
#include <compare>
#include <cstdint>
#include <string>

namespace imapscope::capture {

struct IpAddress {
  unsigned char version = 4;              // 4 or 6
  std::array<unsigned char, 16> bytes{};  // IPv4 uses the first 4

  auto operator<=>(const IpAddress&) const = default;
  // Dotted quad, or RFC 5952 text for IPv6.
  std::string to_string() const;
};

struct TcpEndpoint {
  IpAddress address;
  std::uint16_t port = 0;

  auto operator<=>(const TcpEndpoint&) const = default;
  // "address:port", "[address]:port" for IPv6 (RFC 3986 §3.2.2).
  std::string to_string() const;
};

}  // namespace imapscope::capture
