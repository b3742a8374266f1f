#include "capture/tcp_segment.h"

namespace imapscope::capture {

TcpResult decode_tcp(const IpPacket& ip, TcpSegment& out, bool& ports_known, std::string& why) {
  const Bytes b = ip.payload;
  out.source.address = ip.source;
  out.destination.address = ip.destination;
  ports_known = b.size() >= 4;
  if (ports_known) {
    out.source.port = load_be16(b, 0);
    out.destination.port = load_be16(b, 2);
  }
  if (ip.payload_length < 20) {
    why = "TCP segment shorter than a TCP header";
    return TcpResult::kCorrupt;
  }
  if (b.size() < 20) {
    why = "the capture ends inside the TCP header";
    return TcpResult::kTruncated;
  }
  const std::size_t header_length = static_cast<std::size_t>(b[12] >> 4) * 4;
  if (header_length < 20 || header_length > ip.payload_length) {
    why = "TCP data offset " + std::to_string(header_length) + " is not within the segment";
    return TcpResult::kCorrupt;
  }
  if (b.size() < header_length) {
    why = "the capture ends inside the TCP options";
    return TcpResult::kTruncated;
  }
  out.seq = load_be32(b, 4);
  out.ack = load_be32(b, 8);
  out.flags = b[13];
  out.payload = b.subspan(header_length);
  out.missing = static_cast<std::uint32_t>(ip.payload_length - b.size());
  return TcpResult::kOk;
}

}  // namespace imapscope::capture
