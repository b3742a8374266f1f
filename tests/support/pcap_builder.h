#pragma once
// Builds capture files for tests, byte by byte, following the formats libpcap reads:
// pcap (https://www.tcpdump.org/manpages/pcap-savefile.5.html) and pcapng (RFC draft
// draft-ietf-opsawg-pcapng: SHB, IDB, EPB). Packets are made from IPv4/IPv6 and TCP headers
// wrapped in the link layer a test wants. Checksums are left 0: imapscope does not check them.
// Also reads a little-endian pcap back into records, so a test can mangle a real capture.

#include <arpa/inet.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace imapscope::testing::pcap {

// LINKTYPE_ values as stored in files (https://www.tcpdump.org/linktypes.html).
inline constexpr std::uint32_t kLinkNull = 0;
inline constexpr std::uint32_t kLinkEthernet = 1;
inline constexpr std::uint32_t kLinkRaw = 101;
inline constexpr std::uint32_t kLinkLoop = 108;
inline constexpr std::uint32_t kLinkSll = 113;
inline constexpr std::uint32_t kLinkIpv4 = 228;
inline constexpr std::uint32_t kLinkIpv6 = 229;
inline constexpr std::uint32_t kLinkSll2 = 276;
inline constexpr std::uint32_t kLinkUser0 = 147;

inline constexpr std::uint8_t kFin = 0x01;
inline constexpr std::uint8_t kSyn = 0x02;
inline constexpr std::uint8_t kRst = 0x04;
inline constexpr std::uint8_t kPsh = 0x08;
inline constexpr std::uint8_t kAck = 0x10;

inline void put8(std::string& s, unsigned v) {
  s.push_back(static_cast<char>(v & 0xff));
}
inline void put16be(std::string& s, unsigned v) {
  put8(s, v >> 8);
  put8(s, v);
}
inline void put32be(std::string& s, std::uint32_t v) {
  put16be(s, v >> 16);
  put16be(s, v & 0xffff);
}
inline void put16le(std::string& s, unsigned v) {
  put8(s, v);
  put8(s, v >> 8);
}
inline void put32le(std::string& s, std::uint32_t v) {
  put16le(s, v & 0xffff);
  put16le(s, v >> 16);
}
inline std::uint32_t get32le(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}

// The raw bytes of an address given as text (4 bytes for IPv4, 16 for IPv6).
inline std::string address(const std::string& text) {
  unsigned char buf[16] = {};
  const bool v6 = text.find(':') != std::string::npos;
  if (inet_pton(v6 ? AF_INET6 : AF_INET, text.c_str(), buf) != 1) throw std::invalid_argument(text);
  return std::string(reinterpret_cast<const char*>(buf), v6 ? 16 : 4);
}

inline std::string tcp_header(std::uint16_t sport, std::uint16_t dport, std::uint32_t seq,
                              std::uint32_t ack, std::uint8_t flags) {
  std::string h;
  put16be(h, sport);
  put16be(h, dport);
  put32be(h, seq);
  put32be(h, ack);
  put8(h, 5 << 4);  // data offset: 5 words, no options
  put8(h, flags);
  put16be(h, 65535);  // window
  put16be(h, 0);      // checksum
  put16be(h, 0);      // urgent pointer
  return h;
}

// IPv4 header (RFC 791) with optional `options` (a multiple of 4 bytes).
inline std::string ipv4(const std::string& src, const std::string& dst, const std::string& payload,
                        const std::string& options = {}, std::uint16_t id = 0,
                        std::uint16_t flags_offset = 0, std::uint8_t protocol = 6) {
  std::string h;
  const std::size_t header = 20 + options.size();
  put8(h, 0x40 | static_cast<unsigned>(header / 4));
  put8(h, 0);
  put16be(h, static_cast<unsigned>(header + payload.size()));
  put16be(h, id);
  put16be(h, flags_offset);
  put8(h, 64);
  put8(h, protocol);
  put16be(h, 0);
  return h + src + dst + options + payload;
}

// IPv6 header (RFC 8200); `extensions` are complete extension headers, the first of which is
// announced by `first_next`; the last must announce TCP.
inline std::string ipv6(const std::string& src, const std::string& dst, const std::string& payload,
                        const std::string& extensions = {}, std::uint8_t first_next = 6) {
  std::string h;
  put32be(h, 0x60000000);
  put16be(h, static_cast<unsigned>(extensions.size() + payload.size()));
  put8(h, first_next);
  put8(h, 64);
  return h + src + dst + extensions + payload;
}

// A TCP segment in IPv4 or IPv6, by the length of `src`.
inline std::string tcp_ip(const std::string& src, std::uint16_t sport, const std::string& dst,
                          std::uint16_t dport, std::uint32_t seq, std::uint32_t ack,
                          std::uint8_t flags, const std::string& payload) {
  const std::string segment = tcp_header(sport, dport, seq, ack, flags) + payload;
  return src.size() == 4 ? ipv4(src, dst, segment) : ipv6(src, dst, segment);
}

inline std::string ethertype_of(const std::string& ip) {
  std::string t;
  put16be(t, (static_cast<unsigned char>(ip[0]) >> 4) == 6 ? 0x86dd : 0x0800);
  return t;
}

// Ethernet II, with a VLAN tag (TPID, then a TCI of VLAN 100) for each of `tags`.
inline std::string ethernet(const std::string& ip, const std::vector<unsigned>& tags = {}) {
  std::string f(12, '\x02');
  for (unsigned tpid : tags) {
    put16be(f, tpid);
    put16be(f, 100);
  }
  return f + ethertype_of(ip) + ip;
}

// Linux cooked capture v1: packet type, ARPHRD, address length, 8 address bytes, protocol.
inline std::string sll(const std::string& ip) {
  std::string f;
  put16be(f, 0);    // sent to us
  put16be(f, 772);  // ARPHRD_LOOPBACK
  put16be(f, 6);
  f += std::string(8, '\0');
  return f + ethertype_of(ip) + ip;
}

// Linux cooked capture v2: protocol, reserved, interface index, ARPHRD, type, address.
inline std::string sll2(const std::string& ip) {
  std::string f = ethertype_of(ip);
  put16be(f, 0);
  put32be(f, 1);
  put16be(f, 772);
  put8(f, 0);
  put8(f, 6);
  f += std::string(8, '\0');
  return f + ip;
}

// BSD loopback: the address family in the writer's byte order (NULL, here little-endian as on
// x86) or in network order (LOOP). AF_INET6 is 30 on macOS.
inline std::string null_family(const std::string& ip, bool network_order) {
  const bool v6 = (static_cast<unsigned char>(ip[0]) >> 4) == 6;
  std::string f;
  if (network_order)
    put32be(f, v6 ? 30 : 2);
  else
    put32le(f, v6 ? 30 : 2);
  return f + ip;
}

struct Record {
  std::uint32_t seconds = 1700000000;
  std::uint32_t fraction = 0;     // microseconds (or nanoseconds in a nanosecond file)
  std::string data;               // the captured bytes
  std::uint32_t wire_length = 0;  // 0: data.size()
};

inline std::string pcap_header(std::uint32_t link_type, bool nanoseconds = false,
                               std::uint32_t snaplen = 262144) {
  std::string h;
  put32le(h, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4);
  put16le(h, 2);
  put16le(h, 4);
  put32le(h, 0);
  put32le(h, 0);
  put32le(h, snaplen);
  put32le(h, link_type);
  return h;
}

inline std::string pcap_record(const Record& r) {
  std::string out;
  put32le(out, r.seconds);
  put32le(out, r.fraction);
  put32le(out, static_cast<std::uint32_t>(r.data.size()));
  put32le(out, r.wire_length != 0 ? r.wire_length : static_cast<std::uint32_t>(r.data.size()));
  return out + r.data;
}

inline std::string pcap_file(std::uint32_t link_type, const std::vector<Record>& records,
                             bool nanoseconds = false) {
  std::string out = pcap_header(link_type, nanoseconds);
  for (const Record& r : records)
    out += pcap_record(r);
  return out;
}

// pcapng: a Section Header Block, one Interface Description Block (default resolution,
// microseconds), then an Enhanced Packet Block per record.
inline std::string pcapng_file(std::uint32_t link_type, const std::vector<Record>& records) {
  std::string out;
  const auto block = [&out](std::uint32_t type, const std::string& body) {
    const auto length = static_cast<std::uint32_t>(12 + body.size());
    put32le(out, type);
    put32le(out, length);
    out += body;
    put32le(out, length);
  };
  std::string shb;
  put32le(shb, 0x1a2b3c4d);
  put16le(shb, 1);
  put16le(shb, 0);
  put32le(shb, 0xffffffff);  // section length unknown
  put32le(shb, 0xffffffff);
  block(0x0a0d0d0a, shb);
  std::string idb;
  put16le(idb, link_type);
  put16le(idb, 0);
  put32le(idb, 262144);
  block(1, idb);
  for (const Record& r : records) {
    std::string epb;
    const std::uint64_t micros = std::uint64_t{r.seconds} * 1000000 + r.fraction;
    put32le(epb, 0);  // interface 0
    put32le(epb, static_cast<std::uint32_t>(micros >> 32));
    put32le(epb, static_cast<std::uint32_t>(micros & 0xffffffff));
    put32le(epb, static_cast<std::uint32_t>(r.data.size()));
    put32le(epb, r.wire_length != 0 ? r.wire_length : static_cast<std::uint32_t>(r.data.size()));
    epb += r.data;
    epb.append((4 - r.data.size() % 4) % 4, '\0');
    block(6, epb);
  }
  return out;
}

// A little-endian pcap file split into its header and records (what tcpdump writes on x86).
struct PcapFile {
  std::string header;
  std::vector<Record> records;

  std::string bytes() const {
    std::string out = header;
    for (const Record& r : records)
      out += pcap_record(r);
    return out;
  }
};

inline PcapFile split_pcap(const std::string& file) {
  if (file.size() < 24 || get32le(file, 0) != 0xa1b2c3d4)
    throw std::invalid_argument("not a little-endian microsecond pcap");
  PcapFile out{file.substr(0, 24), {}};
  std::size_t at = 24;
  while (at + 16 <= file.size()) {
    Record r;
    r.seconds = get32le(file, at);
    r.fraction = get32le(file, at + 4);
    const std::uint32_t captured = get32le(file, at + 8);
    r.wire_length = get32le(file, at + 12);
    r.data = file.substr(at + 16, captured);
    out.records.push_back(std::move(r));
    at += 16 + captured;
  }
  return out;
}

// A TCP connection's packets, numbered the way a real exchange would be: a handshake, data in
// either direction (each segment acknowledging all the peer sent), and a close. `wrap` gives
// each packet its link layer.
class Conversation {
 public:
  using Wrap = std::string (*)(const std::string& ip);

  Conversation(std::string client, std::uint16_t client_port, std::string server,
               std::uint16_t server_port, Wrap wrap, std::uint32_t client_isn = 1000,
               std::uint32_t server_isn = 5000)
      : client_(address(client)),
        server_(address(server)),
        client_port_(client_port),
        server_port_(server_port),
        wrap_(wrap),
        client_seq_(client_isn),
        server_seq_(server_isn) {}

  void handshake() {
    segment(true, kSyn, "");
    ++client_seq_;
    segment(false, kSyn | kAck, "");
    ++server_seq_;
    segment(true, kAck, "");
  }
  void client(const std::string& data) { send(true, data); }
  void server(const std::string& data) { send(false, data); }
  void close() {
    segment(true, kFin | kAck, "");
    ++client_seq_;
    segment(false, kFin | kAck, "");
    ++server_seq_;
    segment(true, kAck, "");
  }
  // A segment with explicit fields, for tests that need odd ones.
  void raw(bool from_client, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
           const std::string& data) {
    push(from_client, seq, ack, flags, data);
  }

  std::uint32_t client_seq() const { return client_seq_; }
  std::uint32_t server_seq() const { return server_seq_; }
  const std::vector<Record>& records() const { return records_; }

 private:
  void send(bool from_client, const std::string& data) {
    segment(from_client, kPsh | kAck, data);
    (from_client ? client_seq_ : server_seq_) += static_cast<std::uint32_t>(data.size());
  }
  void segment(bool from_client, std::uint8_t flags, const std::string& data) {
    push(from_client, from_client ? client_seq_ : server_seq_,
         (flags & kAck) ? (from_client ? server_seq_ : client_seq_) : 0, flags, data);
  }
  void push(bool from_client, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
            const std::string& data) {
    const std::string ip =
        from_client ? tcp_ip(client_, client_port_, server_, server_port_, seq, ack, flags, data)
                    : tcp_ip(server_, server_port_, client_, client_port_, seq, ack, flags, data);
    Record r;
    r.fraction = static_cast<std::uint32_t>(records_.size() * 1000);
    r.data = wrap_(ip);
    records_.push_back(std::move(r));
  }

  std::string client_;
  std::string server_;
  std::uint16_t client_port_;
  std::uint16_t server_port_;
  Wrap wrap_;
  std::uint32_t client_seq_;
  std::uint32_t server_seq_;
  std::vector<Record> records_;
};

inline std::string as_is(const std::string& ip) {
  return ip;
}
inline std::string in_ethernet(const std::string& ip) {
  return ethernet(ip);
}

}  // namespace imapscope::testing::pcap
