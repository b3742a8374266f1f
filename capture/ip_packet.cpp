#include "capture/ip_packet.h"

#include <algorithm>
#include <cstring>

namespace imapscope::capture {
namespace {

IpAddress address_at(Bytes packet, std::size_t at, unsigned char version) {
  IpAddress a;
  a.version = version;
  const std::size_t n = version == 6 ? 16 : 4;
  std::memcpy(a.bytes.data(), packet.data() + at, n);
  return a;
}

IpResult decode_ipv4(Bytes packet, IpPacket& out, std::string& why) {
  if (packet.size() < 20) {
    why = "the capture ends inside the IPv4 header";
    return IpResult::kTruncated;
  }
  const std::size_t header_length = static_cast<std::size_t>(packet[0] & 0x0f) * 4;
  if (packet[0] >> 4 != 4 || header_length < 20) {
    why = "not a valid IPv4 header (version or header length)";
    return IpResult::kCorrupt;
  }
  std::size_t total_length = load_be16(packet, 2);
  // Total length 0 is what a capture on the sending host shows for a segment the network card
  // splits (TCP segmentation offload): the captured bytes are the packet.
  if (total_length == 0) total_length = packet.size();
  if (total_length < header_length) {
    why = "IPv4 total length " + std::to_string(total_length) + " is less than its header";
    return IpResult::kCorrupt;
  }
  if (packet.size() < header_length) {
    why = "the capture ends inside the IPv4 options";
    return IpResult::kTruncated;
  }
  out.source = address_at(packet, 12, 4);
  out.destination = address_at(packet, 16, 4);
  out.protocol = packet[9];
  out.payload_length = total_length - header_length;
  // Ethernet pads short frames to 60 bytes: what lies past the total length is padding.
  out.payload =
      packet.subspan(header_length, std::min(packet.size(), total_length) - header_length);
  const std::uint16_t flags_offset = load_be16(packet, 6);
  out.more_fragments = (flags_offset & 0x2000) != 0;
  out.fragment_offset = static_cast<std::uint32_t>(flags_offset & 0x1fff) * 8;
  out.fragment = out.more_fragments || out.fragment_offset != 0;
  out.identification = load_be16(packet, 4);
  return IpResult::kOk;
}

// RFC 8200 §4: extension headers that carry their length as (n + 1) * 8 bytes; AH (RFC 4302)
// counts 4-byte words less two. ESP (50) encrypts what follows, so it ends the walk.
bool is_skippable_extension(std::uint8_t next) {
  switch (next) {
    case 0:    // Hop-by-Hop Options
    case 43:   // Routing
    case 60:   // Destination Options
    case 51:   // Authentication Header
    case 135:  // Mobility
    case 139:  // Host Identity Protocol
    case 140:  // Shim6
    case 253:  // experimentation (RFC 3692)
    case 254:
      return true;
    default:
      return false;
  }
}

IpResult decode_ipv6(Bytes packet, IpPacket& out, std::string& why) {
  if (packet.size() < 40) {
    why = "the capture ends inside the IPv6 header";
    return IpResult::kTruncated;
  }
  if (packet[0] >> 4 != 6) {
    why = "not a valid IPv6 header (version)";
    return IpResult::kCorrupt;
  }
  std::size_t payload_length = load_be16(packet, 4);
  // 0: a jumbogram (RFC 2675) or a segmentation-offload capture; the captured bytes decide.
  if (payload_length == 0) payload_length = packet.size() - 40;
  const std::size_t end = 40 + payload_length;
  out.source = address_at(packet, 8, 6);
  out.destination = address_at(packet, 24, 6);
  std::uint8_t next = packet[6];
  std::size_t at = 40;
  while (is_skippable_extension(next) || next == 44) {
    if (packet.size() < at + 8) {
      why = "the capture ends inside an IPv6 extension header";
      return IpResult::kTruncated;
    }
    if (next == 44) {  // Fragment header (RFC 8200 §4.5): what follows is fragment data
      const std::uint16_t offset_flags = load_be16(packet, at + 2);
      out.fragment = true;
      out.fragment_offset = offset_flags & 0xfff8u;
      out.more_fragments = (offset_flags & 1) != 0;
      out.identification = load_be32(packet, at + 4);
      next = packet[at];
      at += 8;
      break;
    }
    const std::size_t length = next == 51 ? (static_cast<std::size_t>(packet[at + 1]) + 2) * 4
                                          : (static_cast<std::size_t>(packet[at + 1]) + 1) * 8;
    next = packet[at];
    at += length;
  }
  if (at > end) {
    why = "IPv6 extension headers run past the payload length";
    return IpResult::kCorrupt;
  }
  if (packet.size() < at) {
    why = "the capture ends inside an IPv6 extension header";
    return IpResult::kTruncated;
  }
  out.protocol = next;
  out.payload_length = end - at;
  out.payload = packet.subspan(at, std::min(packet.size(), end) - at);
  return IpResult::kOk;
}

}  // namespace

IpResult decode_ip(NetworkProtocol protocol, Bytes packet, IpPacket& out, std::string& why) {
  out = IpPacket{};
  return protocol == NetworkProtocol::kIpv4 ? decode_ipv4(packet, out, why)
                                            : decode_ipv6(packet, out, why);
}

}  // namespace imapscope::capture
