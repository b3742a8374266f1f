#pragma once
// IPv4 (RFC 791) and IPv6 (RFC 8200) headers: who talks to whom, which protocol the payload
// is, and whether the packet is a fragment. IPv4 options and IPv6 extension headers are
// skipped. Checksums are not verified: captures taken on a sending host see them before the
// network card fills them in.

#include <cstdint>
#include <string>

#include "capture/link_layer.h"
#include "capture/tcp_endpoint.h"
#include "capture/wire_bytes.h"

namespace imapscope::capture {

constexpr std::uint8_t kIpProtocolTcp = 6;

struct IpPacket {
  IpAddress source;
  IpAddress destination;
  std::uint8_t protocol = 0;  // of the payload, after any extension headers
  Bytes payload;              // the captured part of the payload
  // The payload's length as the header states it; more than payload.size() when the capture
  // cut the packet short (snapshot length).
  std::size_t payload_length = 0;

  bool fragment = false;  // RFC 791 §3.2 / RFC 8200 §4.5: only a piece of the datagram
  std::uint32_t fragment_offset = 0;  // in bytes
  bool more_fragments = false;
  std::uint32_t identification = 0;
};

enum class IpResult : unsigned char {
  kOk,
  kTruncated,  // the capture ends inside the headers
  kCorrupt,    // the headers contradict themselves or the IP version
};

// `why` says what is wrong when the result is not kOk.
IpResult decode_ip(NetworkProtocol protocol, Bytes packet, IpPacket& out, std::string& why);

}  // namespace imapscope::capture
