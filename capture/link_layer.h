#pragma once
// The link layers imapscope reads IP from, and how each one's header is peeled off. Link types
// are libpcap's DLT_ values (pcap_datalink(); https://www.tcpdump.org/linktypes.html lists the
// LINKTYPE_ values stored in files, which libpcap maps to them).

#include <cstddef>
#include <string>

#include "capture/wire_bytes.h"

namespace imapscope::capture {

enum class NetworkProtocol : unsigned char { kIpv4, kIpv6 };

enum class LinkResult : unsigned char {
  kIp,         // `protocol` and `offset` say where the IP packet starts
  kNotIp,      // ARP, LLC, other families: not for us
  kTruncated,  // the frame ends inside the link-layer header
};

struct LinkPayload {
  NetworkProtocol protocol = NetworkProtocol::kIpv4;
  std::size_t offset = 0;  // of the IP header in the frame
};

bool is_supported_link_type(int link_type);
// "EN10MB", "LINUX_SLL", ... for messages; the number when libpcap has no name for it.
std::string link_type_name(int link_type);

LinkResult decode_link_layer(int link_type, Bytes frame, LinkPayload& out);

}  // namespace imapscope::capture
