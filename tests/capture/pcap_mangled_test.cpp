// A real capture (samples/dovecot/imaplib-basic.pcap) mangled the ways captures go wrong:
// packets reordered, duplicated, dropped, cut short; files cut mid-record or full of garbage.
// The reader must deliver what is there, report what is not, and never invent bytes or crash.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/capture/capture_recorder.h"
#include "tests/support/pcap_builder.h"

namespace imapscope::testing {
namespace {

namespace p = pcap;
using capture::CaptureProblemKind;

const std::string kSample =
    std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/imaplib-basic.pcap";

p::PcapFile original() {
  return p::split_pcap(read_file(kSample));
}

// What a record of the sample carries: Ethernet, IPv4 without options (as on Linux loopback).
struct Tcp {
  std::uint16_t source_port = 0;
  std::size_t payload = 0;  // length
};
Tcp tcp_of(const p::Record& r) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(r.data.at(i)); };
  const std::size_t ip = 14, ihl = (byte(ip) & 0x0f) * 4u;
  const std::size_t total = byte(ip + 2) * 256u + byte(ip + 3);
  const std::size_t tcp = ip + ihl, doff = (byte(tcp + 12) >> 4) * 4u;
  return Tcp{static_cast<std::uint16_t>(byte(tcp) * 256u + byte(tcp + 1)), total - ihl - doff};
}

constexpr std::uint16_t kServerPort = 48983;

CaptureRecorder reference() {
  return read_capture_file(kSample);
}

TEST(PcapMangled, ReorderedPacketsGiveTheSameStreams) {
  p::PcapFile f = original();
  // Swap neighbours all along, the handshake included.
  for (std::size_t i = 0; i + 1 < f.records.size(); i += 3)
    std::swap(f.records[i], f.records[i + 1]);
  const CaptureRecorder ref = reference();
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_EQ(r.at(0).client, ref.at(0).client);
  EXPECT_EQ(r.at(0).server, ref.at(0).server);
  // Acknowledgments keep the exchange in its real order.
  EXPECT_EQ(r.at(0).turns, ref.at(0).turns);
  EXPECT_TRUE(r.at(0).gaps.empty());
  EXPECT_TRUE(r.at(0).problems.empty());
}

TEST(PcapMangled, ReversedDataPacketsOfOneDirectionWaitForTheFirst) {
  p::PcapFile f = original();
  // Move the first server data packet after the following four packets.
  const auto first = std::find_if(f.records.begin(), f.records.end(), [](const p::Record& r) {
    return tcp_of(r).source_port == kServerPort && tcp_of(r).payload > 0;
  });
  ASSERT_NE(first, f.records.end());
  std::rotate(first, first + 1, first + 5);
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_EQ(r.at(0).turns, reference().at(0).turns);
}

TEST(PcapMangled, DuplicatedPacketsAreRetransmissions) {
  p::PcapFile f = original();
  std::vector<p::Record> doubled;
  for (const p::Record& rec : f.records) {
    doubled.push_back(rec);
    doubled.push_back(rec);
  }
  f.records = doubled;
  const CaptureRecorder ref = reference();
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_EQ(r.at(0).client, ref.at(0).client);
  EXPECT_EQ(r.at(0).server, ref.at(0).server);
  EXPECT_TRUE(r.at(0).gaps.empty());
  EXPECT_TRUE(r.at(0).problems.empty());  // identical copies are not a problem
}

TEST(PcapMangled, DroppedPacketIsAGapAndNoBytesAreInvented) {
  p::PcapFile f = original();
  const CaptureRecorder ref = reference();
  // Drop the third server data packet.
  std::size_t index = 0, seen = 0, offset = 0;
  for (std::size_t i = 0; i < f.records.size(); ++i) {
    const Tcp t = tcp_of(f.records[i]);
    if (t.source_port != kServerPort || t.payload == 0) continue;
    if (++seen == 3) {
      index = i;
      break;
    }
    offset += t.payload;
  }
  ASSERT_EQ(seen, 3u);
  const std::size_t dropped = tcp_of(f.records[index]).payload;
  f.records.erase(f.records.begin() + static_cast<std::ptrdiff_t>(index));
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& c = r.at(0);
  ASSERT_EQ(c.gaps.size(), 1u);
  EXPECT_EQ(c.gaps[0].dir, capture::Direction::kServerToClient);
  EXPECT_EQ(c.gaps[0].bytes, dropped);
  EXPECT_GT(c.gaps[0].origin.packet, 0u);
  std::string expected = ref.at(0).server;
  expected.erase(offset, dropped);
  EXPECT_EQ(c.server, expected);  // everything else, nothing made up
  EXPECT_EQ(c.client, ref.at(0).client);
}

TEST(PcapMangled, DroppedLastServerPacketIsAGapFromTheAcknowledgment) {
  p::PcapFile f = original();
  const CaptureRecorder ref = reference();
  std::size_t last = 0;
  for (std::size_t i = 0; i < f.records.size(); ++i) {
    const Tcp t = tcp_of(f.records[i]);
    if (t.source_port == kServerPort && t.payload > 0) last = i;
  }
  const std::size_t dropped = tcp_of(f.records[last]).payload;
  // Keep everything up to it, but not it: the client's ACK of it follows.
  f.records.erase(f.records.begin() + static_cast<std::ptrdiff_t>(last));
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  ASSERT_EQ(r.order.size(), 1u);
  ASSERT_EQ(r.at(0).gaps.size(), 1u);
  EXPECT_EQ(r.at(0).gaps[0].bytes, dropped);
  EXPECT_EQ(r.at(0).server, ref.at(0).server.substr(0, ref.at(0).server.size() - dropped));
}

TEST(PcapMangled, FileCutMidRecordIsACaptureProblem) {
  const std::string bytes = read_file(kSample);
  const p::PcapFile f = original();
  // Through the 20th record's header and half its data.
  std::size_t cut = 24;
  for (std::size_t i = 0; i < 19; ++i)
    cut += 16 + f.records[i].data.size();
  cut += 16 + f.records[19].data.size() / 2;
  const CaptureRecorder r = read_capture_bytes(bytes.substr(0, cut));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.connectionless.size(), 1u);
  EXPECT_EQ(r.connectionless[0].kind, CaptureProblemKind::kTruncated);
  EXPECT_EQ(r.connectionless[0].packet, 20u);
  ASSERT_EQ(r.order.size(), 1u);
  EXPECT_TRUE(reference().at(0).server.starts_with(r.at(0).server));
  EXPECT_TRUE(r.at(0).ended);
}

TEST(PcapMangled, PacketsCutBySnapshotLengthAreGaps) {
  p::PcapFile f = original();
  const CaptureRecorder ref = reference();
  for (p::Record& rec : f.records) {
    if (rec.data.size() > 100) rec.data.resize(100);  // wire_length keeps the real size
  }
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& c = r.at(0);
  EXPECT_TRUE(c.has_problem(CaptureProblemKind::kTruncated));
  ASSERT_FALSE(c.gaps.empty());
  std::uint64_t missing = 0;
  for (const RecordedGap& g : c.gaps)
    missing += g.bytes;
  EXPECT_EQ(c.client.size() + c.server.size() + missing,
            ref.at(0).client.size() + ref.at(0).server.size());
}

TEST(PcapMangled, HeadersCutBySnapshotLengthAreReportedNotDecoded) {
  p::PcapFile f = original();
  for (p::Record& rec : f.records)
    rec.data.resize(std::min<std::size_t>(rec.data.size(), 40));  // inside the TCP header
  const CaptureRecorder r = read_capture_bytes(f.bytes());
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(r.order.empty());  // nothing decodable, so no IMAP connection to speak of
}

TEST(PcapMangled, GarbageAfterAPcapMagicIsAnInputError) {
  const CaptureRecorder r = read_capture_bytes(std::string("\xd4\xc3\xb2\xa1garbage", 11));
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("not a readable capture"), std::string::npos);
  EXPECT_EQ(r.error->to_string().find('\n'), std::string::npos);
  const CaptureRecorder ng = read_capture_bytes(std::string("\x0a\x0d\x0d\x0aXXXXXXXXXXXX", 16));
  EXPECT_TRUE(ng.error);
}

TEST(PcapMangled, GarbageRecordsAfterAValidHeaderAreACaptureProblem) {
  std::string bytes = p::pcap_header(p::kLinkEthernet);
  std::string garbage;
  for (int i = 0; i < 200; ++i)
    garbage.push_back(static_cast<char>((i * 73 + 11) & 0xff));
  const CaptureRecorder r = read_capture_bytes(bytes + garbage);
  ASSERT_FALSE(r.error);
  EXPECT_FALSE(r.connectionless.empty());
  EXPECT_TRUE(r.order.empty());
}

TEST(PcapMangled, RandomByteFlipsNeverCrash) {
  const std::string bytes = read_file(kSample);
  std::uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string mangled = bytes;
    for (int k = 0; k < 20; ++k) {
      state = state * 1103515245 + 12345;
      const std::size_t at = 24 + (state >> 8) % (mangled.size() - 24);
      mangled[at] = static_cast<char>(state >> 24);
    }
    const CaptureRecorder r = read_capture_bytes(mangled);
    (void)r;  // whatever it says, it says it without crashing
  }
}

}  // namespace
}  // namespace imapscope::testing
