#include "capture/link_layer.h"

#include <pcap/pcap.h>

namespace imapscope::capture {
namespace {

constexpr std::uint16_t kEthertypeIpv4 = 0x0800;
constexpr std::uint16_t kEthertypeIpv6 = 0x86dd;
// IEEE 802.1Q C-tag, 802.1ad S-tag, and the pre-standard Q-in-Q tag some switches still send.
constexpr std::uint16_t kEthertypeVlan = 0x8100;
constexpr std::uint16_t kEthertypeQinQ = 0x88a8;
constexpr std::uint16_t kEthertypeQinQOld = 0x9100;

bool is_vlan_tag(std::uint16_t type) {
  return type == kEthertypeVlan || type == kEthertypeQinQ || type == kEthertypeQinQOld;
}

// What a (non-tag) EtherType announces, its payload starting at `payload`.
LinkResult by_ethertype(std::uint16_t type, std::size_t payload, LinkPayload& out) {
  out.offset = payload;
  if (type == kEthertypeIpv4) {
    out.protocol = NetworkProtocol::kIpv4;
    return LinkResult::kIp;
  }
  if (type == kEthertypeIpv6) {
    out.protocol = NetworkProtocol::kIpv6;
    return LinkResult::kIp;
  }
  return LinkResult::kNotIp;  // an 802.3 length field (<= 1500) or another EtherType
}

// A payload announced by `type` starts at `payload`; 802.1Q/802.1ad tags (2 bytes of TCI, then
// the next EtherType) are skipped, any number of them.
LinkResult after_ethertype(Bytes frame, std::uint16_t type, std::size_t payload, LinkPayload& out) {
  while (is_vlan_tag(type)) {
    if (frame.size() < payload + 4) return LinkResult::kTruncated;
    type = load_be16(frame, payload + 2);
    payload += 4;
  }
  return by_ethertype(type, payload, out);
}

// The EtherType at `at` announces what follows it.
LinkResult ethertype_at(Bytes frame, std::size_t at, LinkPayload& out) {
  if (frame.size() < at + 2) return LinkResult::kTruncated;
  return after_ethertype(frame, load_be16(frame, at), at + 2, out);
}

// DLT_NULL and DLT_LOOP: a 4-byte address family, in the writing host's byte order for NULL
// and in network order for LOOP. AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24
// (NetBSD, OpenBSD), 28 (FreeBSD) or 30 (macOS). Both byte orders are tried, so a capture from
// any of them reads.
LinkResult after_family(Bytes frame, LinkPayload& out) {
  if (frame.size() < 4) return LinkResult::kTruncated;
  out.offset = 4;
  for (const std::uint32_t family : {load_be32(frame, 0), load_le32(frame, 0)}) {
    if (family == 2) {
      out.protocol = NetworkProtocol::kIpv4;
      return LinkResult::kIp;
    }
    if (family == 10 || family == 24 || family == 28 || family == 30) {
      out.protocol = NetworkProtocol::kIpv6;
      return LinkResult::kIp;
    }
  }
  return LinkResult::kNotIp;
}

// DLT_RAW: the IP version nibble says which.
LinkResult raw_ip(Bytes frame, LinkPayload& out) {
  if (frame.empty()) return LinkResult::kTruncated;
  out.offset = 0;
  const int version = frame[0] >> 4;
  if (version == 4) {
    out.protocol = NetworkProtocol::kIpv4;
    return LinkResult::kIp;
  }
  if (version == 6) {
    out.protocol = NetworkProtocol::kIpv6;
    return LinkResult::kIp;
  }
  return LinkResult::kNotIp;
}

}  // namespace

bool is_supported_link_type(int link_type) {
  switch (link_type) {
    case DLT_EN10MB:
    case DLT_NULL:
    case DLT_LOOP:
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
      return true;
    default:
      return false;
  }
}

std::string link_type_name(int link_type) {
  const char* name = pcap_datalink_val_to_name(link_type);
  return name != nullptr ? name : std::to_string(link_type);
}

LinkResult decode_link_layer(int link_type, Bytes frame, LinkPayload& out) {
  switch (link_type) {
    case DLT_EN10MB:  // destination MAC, source MAC, EtherType
      return ethertype_at(frame, 12, out);
    case DLT_LINUX_SLL:  // packet type, ARPHRD type, address length, 8 address bytes, protocol
      return ethertype_at(frame, 14, out);
    case DLT_LINUX_SLL2:  // protocol, reserved, ifindex, ARPHRD, packet type, address: 20 bytes
      if (frame.size() < 20) return LinkResult::kTruncated;
      return after_ethertype(frame, load_be16(frame, 0), 20, out);
    case DLT_NULL:
    case DLT_LOOP:
      return after_family(frame, out);
    case DLT_RAW:
      return raw_ip(frame, out);
    case DLT_IPV4:
      out.offset = 0;
      out.protocol = NetworkProtocol::kIpv4;
      return LinkResult::kIp;
    case DLT_IPV6:
      out.offset = 0;
      out.protocol = NetworkProtocol::kIpv6;
      return LinkResult::kIp;
    default:
      return LinkResult::kNotIp;
  }
}

}  // namespace imapscope::capture
