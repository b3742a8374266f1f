#pragma once
// A TCP segment (RFC 9293 §3.1) as the reassembler needs it: the two endpoints, sequence and
// acknowledgment numbers, flags, and the payload bytes the capture holds.

#include <cstdint>
#include <string>

#include "capture/ip_packet.h"
#include "capture/origin.h"
#include "capture/tcp_endpoint.h"

namespace imapscope::capture {

struct TcpFlags {
  static constexpr std::uint8_t kFin = 0x01;
  static constexpr std::uint8_t kSyn = 0x02;
  static constexpr std::uint8_t kRst = 0x04;
  static constexpr std::uint8_t kAck = 0x10;
};

struct TcpSegment {
  TcpEndpoint source;
  TcpEndpoint destination;
  std::uint32_t seq = 0;
  std::uint32_t ack = 0;  // meaningful when has(kAck)
  std::uint8_t flags = 0;
  Bytes payload;  // the captured payload bytes
  // Payload bytes that were on the wire but not in the capture (cut by the snapshot length):
  // they follow `payload` in sequence space.
  std::uint32_t missing = 0;
  std::uint64_t packet = 0;  // 1-based frame number
  Timestamp time = 0;

  bool has(std::uint8_t flag) const { return (flags & flag) != 0; }
};

enum class TcpResult : unsigned char {
  kOk,
  kTruncated,  // the capture ends inside the TCP header; `ports_known` says if ports were read
  kCorrupt,
};

// Decodes the TCP header at the start of `ip.payload`. With kTruncated, `ports_known` tells
// whether source and destination (ports included) are filled in.
TcpResult decode_tcp(const IpPacket& ip, TcpSegment& out, bool& ports_known, std::string& why);

}  // namespace imapscope::capture
