// Synthetic captures of one tiny IMAP exchange on port 143, in every link layer imapscope
// reads, over IPv4 and IPv6, in pcap and pcapng: the reassembled streams must be the
// exchange, whatever wraps it.

#include <gtest/gtest.h>

#include <string>

#include "tests/capture/capture_recorder.h"
#include "tests/support/pcap_builder.h"

namespace imapscope::testing {
namespace {

namespace p = pcap;

const std::string kGreeting = "* OK [CAPABILITY IMAP4rev2] ready\r\n";
const std::string kLogin = "a1 LOGIN alice secret\r\n";
const std::string kLoginOk = "a1 OK done\r\n";
const std::string kLogout = "a2 LOGOUT\r\n";
const std::string kBye = "* BYE\r\na2 OK\r\n";

std::vector<p::Record> exchange(bool v6, p::Conversation::Wrap wrap) {
  p::Conversation c(v6 ? "2001:db8::1" : "10.1.2.3", 51000, v6 ? "2001:db8::2" : "10.9.8.7", 143,
                    wrap);
  c.handshake();
  c.server(kGreeting);
  c.client(kLogin);
  c.server(kLoginOk);
  c.client(kLogout);
  c.server(kBye);
  c.close();
  return c.records();
}

void expect_exchange(const CaptureRecorder& r, bool v6) {
  ASSERT_FALSE(r.error) << r.error->to_string();
  EXPECT_TRUE(r.connectionless.empty());
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& c = r.at(0);
  EXPECT_EQ(c.meta.client, v6 ? "[2001:db8::1]:51000" : "10.1.2.3:51000");
  EXPECT_EQ(c.meta.server, v6 ? "[2001:db8::2]:143" : "10.9.8.7:143");
  EXPECT_EQ(c.turns, (std::vector<std::string>{"S:" + kGreeting, "C:" + kLogin, "S:" + kLoginOk,
                                               "C:" + kLogout, "S:" + kBye}));
  EXPECT_TRUE(c.gaps.empty());
  EXPECT_TRUE(c.problems.empty());
  EXPECT_TRUE(c.ended);
  ASSERT_FALSE(c.origins.empty());
  EXPECT_EQ(c.origins.front().packet, 4u);  // after the three handshake packets
}

struct LinkCase {
  const char* name;
  std::uint32_t link_type;
  p::Conversation::Wrap wrap;
};

class LinkType : public ::testing::TestWithParam<LinkCase> {};

TEST_P(LinkType, CarriesTheExchangeOverIpv4AndIpv6) {
  for (const bool v6 : {false, true}) {
    SCOPED_TRACE(v6 ? "IPv6" : "IPv4");
    expect_exchange(
        read_capture_bytes(p::pcap_file(GetParam().link_type, exchange(v6, GetParam().wrap))), v6);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Capture, LinkType,
    ::testing::Values(LinkCase{"Ethernet", p::kLinkEthernet, p::in_ethernet},
                      LinkCase{"Vlan8021Q", p::kLinkEthernet,
                               [](const std::string& ip) { return p::ethernet(ip, {0x8100}); }},
                      LinkCase{"QinQ8021ad", p::kLinkEthernet,
                               [](const std::string& ip) {
                                 return p::ethernet(ip, {0x88a8, 0x8100});
                               }},
                      LinkCase{"LinuxSll", p::kLinkSll, p::sll},
                      LinkCase{"LinuxSll2", p::kLinkSll2, p::sll2},
                      LinkCase{"BsdNull", p::kLinkNull,
                               [](const std::string& ip) { return p::null_family(ip, false); }},
                      LinkCase{"BsdLoop", p::kLinkLoop,
                               [](const std::string& ip) { return p::null_family(ip, true); }},
                      LinkCase{"Raw", p::kLinkRaw, p::as_is}),
    [](const ::testing::TestParamInfo<LinkCase>& param) { return std::string(param.param.name); });

TEST(PcapLinkTypes, Ipv4AndIpv6LinkTypes) {
  expect_exchange(read_capture_bytes(p::pcap_file(p::kLinkIpv4, exchange(false, p::as_is))), false);
  expect_exchange(read_capture_bytes(p::pcap_file(p::kLinkIpv6, exchange(true, p::as_is))), true);
}

TEST(PcapLinkTypes, PcapngFile) {
  const auto records = exchange(true, p::in_ethernet);
  const CaptureRecorder r = read_capture_bytes(p::pcapng_file(p::kLinkEthernet, records));
  expect_exchange(r, true);
  ASSERT_FALSE(r.order.empty());
  EXPECT_EQ(r.at(0).origins.front().time, 1'700'000'000'000'000 + 3'000);
}

TEST(PcapLinkTypes, NanosecondTimestampsAreGivenInMicroseconds) {
  auto records = exchange(false, p::in_ethernet);
  for (p::Record& rec : records)
    rec.fraction = rec.fraction * 1000 + 999;  // the same instants, plus 999 ns
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkEthernet, records, true));
  expect_exchange(r, false);
  ASSERT_FALSE(r.order.empty());
  EXPECT_EQ(r.at(0).origins.front().time, 1'700'000'000'000'000 + 3'000);
}

// Rewraps each packet's IP layer with something to skip.
std::vector<p::Record> rewrap(std::vector<p::Record> records,
                              std::string (*change)(const std::string& ip)) {
  for (p::Record& rec : records)
    rec.data = change(rec.data);
  return records;
}

TEST(PcapLinkTypes, Ipv4OptionsAreSkipped) {
  const auto records = rewrap(exchange(false, p::as_is), [](const std::string& ip) {
    // Rebuild with a 4-byte option (NOP NOP NOP EOL) after the 20-byte header.
    return p::ipv4(ip.substr(12, 4), ip.substr(16, 4), ip.substr(20),
                   std::string("\x01\x01\x01\x00", 4));
  });
  expect_exchange(read_capture_bytes(p::pcap_file(p::kLinkRaw, records)), false);
}

TEST(PcapLinkTypes, Ipv6ExtensionHeadersAreSkipped) {
  const auto records = rewrap(exchange(true, p::as_is), [](const std::string& ip) {
    // Hop-by-Hop (8 bytes, PadN) announcing Destination Options (8 bytes) announcing TCP.
    std::string hop("\x3c\x00\x01\x04\x00\x00\x00\x00", 8);
    std::string dest("\x06\x00\x01\x04\x00\x00\x00\x00", 8);
    return p::ipv6(ip.substr(8, 16), ip.substr(24, 16), ip.substr(40), hop + dest, 0);
  });
  expect_exchange(read_capture_bytes(p::pcap_file(p::kLinkRaw, records)), true);
}

// Splits every IPv4 packet carrying more than 24 bytes of TCP into two fragments, the second
// captured first.
TEST(PcapLinkTypes, Ipv4FragmentsAreReassembled) {
  std::vector<p::Record> records;
  std::uint16_t id = 1;
  for (const p::Record& rec : exchange(false, p::as_is)) {
    const std::string src = rec.data.substr(12, 4), dst = rec.data.substr(16, 4);
    const std::string tcp = rec.data.substr(20);
    if (tcp.size() <= 24) {
      records.push_back(rec);
      continue;
    }
    p::Record second = rec, first = rec;
    second.data = p::ipv4(src, dst, tcp.substr(24), {}, id, 24 / 8);
    first.data = p::ipv4(src, dst, tcp.substr(0, 24), {}, id, 0x2000);  // more fragments
    records.push_back(second);
    records.push_back(first);
    ++id;
  }
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, records));
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_EQ(r.at(0).client, kLogin + kLogout);
  EXPECT_EQ(r.at(0).server, kGreeting + kLoginOk + kBye);
  EXPECT_TRUE(r.connectionless.empty());
}

TEST(PcapLinkTypes, Ipv6FragmentsAreReassembled) {
  std::vector<p::Record> records;
  std::uint32_t id = 77;
  for (const p::Record& rec : exchange(true, p::as_is)) {
    const std::string src = rec.data.substr(8, 16), dst = rec.data.substr(24, 16);
    const std::string tcp = rec.data.substr(40);
    if (tcp.size() <= 32) {
      records.push_back(rec);
      continue;
    }
    const auto fragment_header = [&](unsigned offset, bool more) {
      std::string h;
      p::put8(h, 6);  // TCP follows, once reassembled
      p::put8(h, 0);
      p::put16be(h, offset | (more ? 1u : 0u));
      p::put32be(h, id);
      return h;
    };
    p::Record first = rec, second = rec;
    first.data = p::ipv6(src, dst, tcp.substr(0, 32), fragment_header(0, true), 44);
    second.data = p::ipv6(src, dst, tcp.substr(32), fragment_header(32, false), 44);
    records.push_back(first);
    records.push_back(second);
    ++id;
  }
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, records));
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_EQ(r.at(0).client, kLogin + kLogout);
  EXPECT_EQ(r.at(0).server, kGreeting + kLoginOk + kBye);
}

TEST(PcapLinkTypes, LoneFragmentIsReportedAtTheEnd) {
  std::vector<p::Record> records = exchange(false, p::as_is);
  p::Record orphan = records.front();
  orphan.data = p::ipv4(p::address("10.1.2.3"), p::address("10.9.8.7"), std::string(16, 'x'), {},
                        999, 0x2000);
  records.push_back(orphan);
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, records));
  EXPECT_EQ(r.order.size(), 1u);
  EXPECT_TRUE(r.has_connectionless(capture::CaptureProblemKind::kFragments));
}

TEST(PcapLinkTypes, UnsupportedLinkTypeIsACaptureProblemAtPacketOne) {
  const CaptureRecorder r =
      read_capture_bytes(p::pcap_file(p::kLinkUser0, exchange(false, p::as_is)));
  ASSERT_FALSE(r.error);
  EXPECT_TRUE(r.order.empty());
  ASSERT_EQ(r.connectionless.size(), 1u);
  EXPECT_EQ(r.connectionless[0].kind, capture::CaptureProblemKind::kUnsupportedLinkType);
  EXPECT_EQ(r.connectionless[0].packet, 1u);
}

TEST(PcapLinkTypes, NonIpAndNonTcpTrafficIsSkipped) {
  std::vector<p::Record> records;
  p::Record arp;
  arp.data = std::string(12, '\x02') + std::string("\x08\x06", 2) + std::string(28, '\0');
  records.push_back(arp);
  p::Record udp;
  udp.data = p::ethernet(p::ipv4(p::address("10.0.0.1"), p::address("10.0.0.2"),
                                 std::string(8, '\0') + "* OK not tcp", {}, 0, 0, 17));
  records.push_back(udp);
  for (const p::Record& rec : exchange(false, p::in_ethernet))
    records.push_back(rec);
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkEthernet, records));
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_EQ(r.at(0).origins.front().packet, 6u);  // numbering counts every record
  EXPECT_TRUE(r.connectionless.empty());
}

// Which connections are IMAP: the port, or the greeting on any port.
TEST(PcapImapDetection, GreetingOnAnyPortPortOptionOtherwise) {
  const auto on_port = [](std::uint16_t port, const std::string& first_server_bytes) {
    p::Conversation c("10.0.0.1", 50000, "10.0.0.2", port, p::as_is);
    c.handshake();
    c.server(first_server_bytes);
    c.client("a1 NOOP\r\n");
    c.close();
    return p::pcap_file(p::kLinkRaw, c.records());
  };
  EXPECT_EQ(read_capture_bytes(on_port(4143, "* OK hi\r\n")).order.size(), 1u);
  EXPECT_EQ(read_capture_bytes(on_port(4143, "* PREAUTH hi\r\n")).order.size(), 1u);
  EXPECT_EQ(read_capture_bytes(on_port(80, "HTTP/1.1 200 OK\r\n")).order.size(), 0u);
  EXPECT_EQ(read_capture_bytes(on_port(4143, "* OKAY\r\n")).order.size(), 0u);
  EXPECT_EQ(read_capture_bytes(on_port(143, "garbage\r\n")).order.size(), 1u);
  EXPECT_EQ(read_capture_bytes(on_port(993, "\x16\x03\x01")).order.size(), 1u);
  capture::CaptureOptions options;
  options.extra_ports = {8143};
  EXPECT_EQ(read_capture_bytes(on_port(8143, "garbage\r\n"), options).order.size(), 1u);
}

// TLS on a port not known as IMAP's may be IMAPS (RFC 8314) on a custom port: not analyzed,
// but the first connection to each such port is reported, naming the port for --port.
TEST(PcapImapDetection, TlsOnAnotherPortIsReportedOncePerPort) {
  const std::string client_hello("\x16\x03\x01\x00\x05hello", 10);
  std::vector<p::Record> records;
  const auto tls_to = [&](std::uint16_t client_port, std::uint16_t port, const std::string& first) {
    p::Conversation c("10.0.0.1", client_port, "10.0.0.2", port, p::as_is);
    c.handshake();
    c.client(first);
    c.server("\x16\x03\x03\x00\x02hi");
    c.close();
    records.insert(records.end(), c.records().begin(), c.records().end());
  };
  tls_to(50000, 4993, client_hello);
  tls_to(50001, 4993, client_hello);  // the same port again: already reported
  tls_to(50002, 443, client_hello);
  tls_to(50003, 8080, "GET / HTTP/1.1\r\n");  // not TLS: nothing to say
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, records));
  EXPECT_TRUE(r.order.empty());
  ASSERT_EQ(r.connectionless.size(), 2u);
  EXPECT_EQ(r.connectionless[0].kind, capture::CaptureProblemKind::kUnrecognizedTls);
  EXPECT_EQ(r.connectionless[0].packet, 4u);  // the ClientHello
  EXPECT_NE(r.connectionless[0].message.find("TLS to 10.0.0.2:4993"), std::string::npos);
  EXPECT_NE(r.connectionless[0].message.find("--port 4993"), std::string::npos);
  EXPECT_NE(r.connectionless[1].message.find("--port 443"), std::string::npos);
  // Named with --port, the connections are IMAP and nothing is reported.
  capture::CaptureOptions options;
  options.extra_ports = {4993, 443};
  const CaptureRecorder named = read_capture_bytes(p::pcap_file(p::kLinkRaw, records), options);
  EXPECT_EQ(named.order.size(), 3u);
  EXPECT_TRUE(named.connectionless.empty());
}

// However many ports a capture's TLS goes to, the notes about them are bounded.
TEST(PcapImapDetection, TlsNotesAreBounded) {
  std::vector<p::Record> records;
  for (std::uint16_t i = 0; i < 40; ++i) {
    p::Conversation c("10.0.0.1", static_cast<std::uint16_t>(50000 + i), "10.0.0.2",
                      static_cast<std::uint16_t>(5000 + i), p::as_is);
    c.handshake();
    c.client(std::string("\x16\x03\x01\x00\x01x", 6));
    c.close();
    records.insert(records.end(), c.records().begin(), c.records().end());
  }
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, records));
  EXPECT_EQ(r.connectionless.size(), 16u);
}

TEST(PcapImapDetection, ConnectionPickedUpMidStreamIsReported) {
  p::Conversation c("10.0.0.1", 50000, "10.0.0.2", 143, p::as_is);
  c.handshake();
  c.server(kGreeting);
  c.client(kLogin);
  c.server(kLoginOk);
  c.client(kLogout);
  c.server(kBye);
  c.close();
  std::vector<p::Record> records(c.records().begin() + 5, c.records().end());  // from kLoginOk
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, records));
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& conn = r.at(0);
  EXPECT_EQ(conn.meta.server, "10.0.0.2:143");  // told by the port, not by who spoke first
  EXPECT_TRUE(conn.has_problem(capture::CaptureProblemKind::kMidStream));
  EXPECT_EQ(conn.server, kLoginOk + kBye);
  EXPECT_EQ(conn.client, kLogout);
  ASSERT_EQ(conn.gaps.size(), 2u);  // both streams start after an unknown stretch
  EXPECT_EQ(conn.gaps[0].bytes, 0u);
}

TEST(PcapImapDetection, CaptureStartedAfterTheHandshakeButBeforeTheGreetingIsClean) {
  const auto records = exchange(false, p::as_is);
  const std::vector<p::Record> rest(records.begin() + 3, records.end());
  const CaptureRecorder r = read_capture_bytes(p::pcap_file(p::kLinkRaw, rest));
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_TRUE(r.at(0).problems.empty());
  EXPECT_TRUE(r.at(0).gaps.empty());
  EXPECT_EQ(r.at(0).meta.client, "10.1.2.3:51000");
}

}  // namespace
}  // namespace imapscope::testing
