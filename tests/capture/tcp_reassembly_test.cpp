// TCP reassembly on hand-made segments: ordering, holes, overlaps, the connection's life, and
// the order in which the two directions are handed out.

#include "capture/tcp_reassembly.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace imapscope::testing {
namespace {

using capture::TcpFlags;
using capture::TcpSide;

// Records reassembly's output as one line per event.
class Events final : public capture::TcpStreamSink {
 public:
  void on_tcp_open(Handle h, const capture::TcpConnectionInfo& info) override {
    log.push_back("open " + std::to_string(h) + (info.handshake_seen ? " handshake" : " mid") +
                  " " + info.initiator.to_string() + ">" + info.responder.to_string());
  }
  void on_tcp_data(Handle h, TcpSide side, std::string_view bytes,
                   const capture::Origin& origin) override {
    log.push_back(std::to_string(h) + side_name(side) + std::string(bytes));
    packets.push_back(origin.packet);
  }
  void on_tcp_gap(Handle h, TcpSide side, std::uint64_t bytes,
                  const capture::Origin& /*origin*/) override {
    log.push_back(std::to_string(h) + side_name(side) + "<gap " + std::to_string(bytes) + ">");
  }
  void on_tcp_problem(Handle h, std::optional<TcpSide> side,
                      const capture::CaptureProblem& p) override {
    log.push_back(std::to_string(h) + (side ? side_name(*side) : "-") + "problem " +
                  std::string(capture::capture_problem_kind_name(p.kind)));
  }
  void on_tcp_close(Handle h) override { log.push_back("close " + std::to_string(h)); }

  std::vector<std::string> log;
  std::vector<std::uint64_t> packets;

 private:
  static std::string side_name(TcpSide s) { return s == TcpSide::kInitiator ? "C:" : "S:"; }
};

// Feeds segments between 10.0.0.1:40000 (client) and 10.0.0.2:143 (server).
class Wire {
 public:
  explicit Wire(capture::ReassemblyLimits limits = {}) : reassembler(events, limits) {}

  void client(std::uint32_t seq, std::uint32_t ack, std::uint8_t flags, std::string data = {},
              std::uint32_t missing = 0) {
    send(true, seq, ack, flags, std::move(data), missing);
  }
  void server(std::uint32_t seq, std::uint32_t ack, std::uint8_t flags, std::string data = {}) {
    send(false, seq, ack, flags, std::move(data), 0);
  }
  void handshake(std::uint32_t client_isn = 100, std::uint32_t server_isn = 500) {
    client(client_isn, 0, TcpFlags::kSyn);
    server(server_isn, client_isn + 1, TcpFlags::kSyn | TcpFlags::kAck);
    client(client_isn + 1, server_isn + 1, TcpFlags::kAck);
  }

  Events events;
  capture::TcpReassembler reassembler;

 private:
  void send(bool from_client, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
            std::string data, std::uint32_t missing) {
    capture::TcpEndpoint c{{4, {10, 0, 0, 1}}, 40000};
    capture::TcpEndpoint s{{4, {10, 0, 0, 2}}, 143};
    storage_.push_back(std::move(data));
    const std::string& bytes = storage_.back();
    capture::TcpSegment seg;
    seg.source = from_client ? c : s;
    seg.destination = from_client ? s : c;
    seg.seq = seq;
    seg.ack = ack;
    seg.flags = flags;
    seg.payload = capture::Bytes(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    seg.missing = missing;
    seg.packet = ++packet_;
    seg.time = static_cast<capture::Timestamp>(packet_);
    reassembler.add(seg);
  }
  std::deque<std::string> storage_;
  std::uint64_t packet_ = 0;
};

constexpr std::uint8_t kAck = TcpFlags::kAck;
constexpr std::uint8_t kFinAck = TcpFlags::kFin | TcpFlags::kAck;

using Log = std::vector<std::string>;

TEST(TcpReassembly, InOrderExchangeAndClose) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "* OK hi\r\n");
  w.client(101, 510, kAck, "a1 LOGOUT\r\n");
  w.server(510, 112, kAck, "* BYE\r\na1 OK\r\n");
  w.client(112, 524, kFinAck);
  w.server(524, 113, kFinAck);
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:* OK hi\r\n",
                               "1C:a1 LOGOUT\r\n", "1S:* BYE\r\na1 OK\r\n", "close 1"}));
  EXPECT_EQ(w.events.packets, (std::vector<std::uint64_t>{4, 5, 6}));
  w.client(113, 525, kAck);  // the last ACK, after the close: ignored
  w.reassembler.finish();
  EXPECT_EQ(w.events.log.size(), 5u);
}

TEST(TcpReassembly, OutOfOrderSegmentsWaitForTheHole) {
  Wire w;
  w.handshake();
  w.server(506, 101, kAck, "world\r\n");
  EXPECT_EQ(w.events.log.size(), 1u);  // held
  w.server(501, 101, kAck, "hello");
  EXPECT_EQ(w.events.log.back(), "1S:world\r\n");
  EXPECT_EQ(w.events.log.at(1), "1S:hello");
}

TEST(TcpReassembly, RetransmissionsAndOverlapsKeepTheFirstCopy) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "abcdef");
  w.server(501, 101, kAck, "abcdef");  // plain retransmission: silent
  w.server(504, 101, kAck, "defghi");  // overlaps 3 bytes, adds 3
  w.server(510, 101, kAck, "zz");
  w.server(509, 101, kAck, "Xz");  // "i" already came as "i": "X" differs
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:abcdef",
                               "1S:ghi", "1S:zz", "1S:problem retransmission-mismatch",
                               "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

// The server's stream as 1,000-byte segments of letters from sequence number 501, each
// acknowledged by the client up to `acked_upto` bytes (0: never).
void send_server_bytes(Wire& w, std::size_t bytes, std::size_t acked_upto) {
  for (std::size_t at = 0; at < bytes; at += 1000) {
    w.server(static_cast<std::uint32_t>(501 + at), 101, kAck,
             std::string(1000, static_cast<char>('a' + at / 1000 % 26)));
    if (at + 1000 <= acked_upto) w.client(101, static_cast<std::uint32_t>(501 + at + 1000), kAck);
  }
}

std::size_t count_in(const Log& log, const std::string& event) {
  return static_cast<std::size_t>(std::count(log.begin(), log.end(), event));
}

// A sender retransmits what it has not seen acknowledged (RFC 9293 §3.8.1): those bytes are
// compared as far back as the retransmission window reaches, however long ago they came.
TEST(TcpReassembly, UnacknowledgedBytesAreComparedAcrossTheWholeWindow) {
  Wire w;
  w.handshake();
  send_server_bytes(w, 60000, 0);
  w.server(501, 101, kAck, std::string(999, 'a') + "!");  // the first segment, one byte off
  EXPECT_EQ(count_in(w.events.log, "1S:problem retransmission-mismatch"), 1u);
  EXPECT_EQ(count_in(w.events.log, "1S:problem resource-limit"), 0u);
}

// Of the bytes the peer acknowledged, the last ReassemblyLimits::acknowledged_kept are still
// compared (an ACK lost after the capture point makes the sender repeat them).
TEST(TcpReassembly, RecentlyAcknowledgedBytesAreStillCompared) {
  Wire w;
  w.handshake();
  send_server_bytes(w, 20000, 20000);
  const std::uint32_t last = 501 + 19000;  // the last segment: 't' * 1000
  w.server(last, 101, kAck, std::string(1000, 't'));
  EXPECT_EQ(count_in(w.events.log, "1S:problem retransmission-mismatch"), 0u);
  w.server(last, 101, kAck, std::string(999, 't') + "!");
  EXPECT_EQ(count_in(w.events.log, "1S:problem retransmission-mismatch"), 1u);
  EXPECT_EQ(count_in(w.events.log, "1S:problem resource-limit"), 0u);
}

// Acknowledged bytes further back are no longer held: a retransmission of them is reported as
// not compared, never taken for equal in silence.
TEST(TcpReassembly, LongAcknowledgedBytesAreReportedAsNotCompared) {
  Wire w;
  w.handshake();
  send_server_bytes(w, 20000, 20000);
  w.server(501, 101, kAck, std::string(999, 'a') + "!");
  EXPECT_EQ(count_in(w.events.log, "1S:problem resource-limit"), 1u);
  EXPECT_EQ(count_in(w.events.log, "1S:problem retransmission-mismatch"), 0u);
}

TEST(TcpReassembly, OverlapWithHeldSegmentsIsComparedToo) {
  Wire w;
  w.handshake();
  w.server(505, 101, kAck, "EFGH");
  w.server(503, 101, kAck, "CDxF");  // 'x' differs from the held 'E'
  w.server(501, 101, kAck, "AB");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log.at(1), "1S:problem retransmission-mismatch");
  std::string server;
  for (const std::string& e : w.events.log)
    if (e.starts_with("1S:") && !e.starts_with("1S:problem") && !e.starts_with("1S:<gap"))
      server += e.substr(3);
  EXPECT_EQ(server, "ABCDEFGH");
}

TEST(TcpReassembly, SequenceNumbersWrapAround) {
  Wire w;
  w.handshake(0xfffffff0u, 0xfffffffau);
  w.server(0xfffffffbu, 0xfffffff1u, kAck, "0123456789");  // crosses 2^32
  w.client(0xfffffff1u, 0x00000005u, kAck, "abcdefghijklmnopqrstuvwxyz");
  w.server(0x00000005u, 0x0000000bu, kAck, "next");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:0123456789",
                               "1C:abcdefghijklmnopqrstuvwxyz", "1S:next",
                               "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, HoleAtTheEndBecomesAGapAndNothingIsInvented) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "one\r\n");
  w.server(511, 101, kAck, "three\r\n");  // "two\r\n" (5 bytes) never captured
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:one\r\n",
                               "1S:<gap 5>", "1S:three\r\n", "1-problem capture-ended",
                               "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, BufferLimitGivesUpTheHole) {
  capture::ReassemblyLimits limits;
  limits.max_buffered_per_direction = 8;
  Wire w(limits);
  w.handshake();
  w.server(511, 101, kAck, "12345");
  EXPECT_EQ(w.events.log.size(), 1u);
  w.server(516, 101, kAck, "67890");  // 10 bytes held > 8: the 10-byte hole is given up
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:<gap 10>",
                               "1S:12345", "1S:67890"}));
  w.server(501, 101, kAck, "late bytes");  // too late: behind what was delivered
  EXPECT_EQ(w.events.log.size(), 4u);
}

TEST(TcpReassembly, SnapshotLengthCutIsAGapAndAProblem) {
  Wire w;
  w.handshake();
  w.client(101, 501, kAck, "a1 LOG", 5);  // "IN\r\n" and one more byte not captured
  w.client(112, 501, kAck, "a2 NOOP\r\n");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143",
                               "1C:problem truncated", "1C:a1 LOG", "1C:<gap 5>", "1C:a2 NOOP\r\n",
                               "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, AClientSegmentWaitsForTheServerBytesItAcknowledges) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "* OK hi\r\n");
  w.client(101, 510, kAck, "a1 LOGIN {5}\r\n");
  // The capture holds the client's literal before the continuation request it waited for.
  w.client(115, 519, kAck, "alice\r\n");
  w.server(510, 115, kAck, "+ go on\r\n");
  w.server(519, 122, kAck, "a1 OK\r\n");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log,
            (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:* OK hi\r\n",
                 "1C:a1 LOGIN {5}\r\n", "1S:+ go on\r\n", "1C:alice\r\n", "1S:a1 OK\r\n",
                 "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, AcknowledgedBytesNeverCapturedAreAGapAtTheEnd) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "* OK hi\r\n");
  // The server's "+ go on\r\n" (9 bytes) is missing; the client acknowledges it.
  w.client(101, 519, kAck, "a1 NOOP\r\n");
  EXPECT_EQ(w.events.log.size(), 2u);  // waiting: the acknowledged bytes may still come
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:* OK hi\r\n",
                               "1S:<gap 9>", "1C:a1 NOOP\r\n", "1-problem capture-ended",
                               "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

// Without FIN or RST the connection outlived the capture: its last message may be cut, so the
// streams end in gaps of unknown size rather than at a real end.
TEST(TcpReassembly, ConnectionOpenAtTheCaptureEndIsReported) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "* OK hi\r\n");
  w.client(101, 510, kAck, "a1 FETCH 1 BODY[]\r\n");
  w.server(510, 120, kAck, "* 1 FETCH (BODY[] {100}\r\npart");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:* OK hi\r\n",
                               "1C:a1 FETCH 1 BODY[]\r\n", "1S:* 1 FETCH (BODY[] {100}\r\npart",
                               "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, ClosingOrEmptyConnectionsAreNotCutOff) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "* BYE\r\n");
  w.server(508, 101, kFinAck);  // the server closed; the client's FIN is not in the capture
  w.reassembler.finish();
  EXPECT_EQ(w.events.log,
            (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:* BYE\r\n", "close 1"}));
  Wire empty;
  empty.handshake();
  empty.reassembler.finish();
  EXPECT_EQ(empty.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "close 1"}));
}

TEST(TcpReassembly, RstEndsTheConnection) {
  Wire w;
  w.handshake();
  w.server(501, 101, kAck, "* OK\r\n");
  w.client(101, 507, TcpFlags::kRst | kAck);
  EXPECT_EQ(w.events.log.back(), "close 1");
  w.server(507, 101, kAck, "ignored\r\n");
  EXPECT_EQ(w.events.log.back(), "close 1");
}

TEST(TcpReassembly, NewSynOnTheSameEndpointsIsANewConnection) {
  Wire w;
  w.handshake(100, 500);
  w.server(501, 101, kAck, "first\r\n");
  w.client(101, 508, kFinAck);
  w.server(508, 102, kFinAck);
  w.client(102, 509, kAck);
  w.handshake(9000, 7000);  // the client reuses its port
  w.server(7001, 9001, kAck, "second\r\n");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log,
            (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:first\r\n", "close 1",
                 "open 2 handshake 10.0.0.1:40000>10.0.0.2:143", "2S:second\r\n",
                 "2-problem capture-ended", "2C:<gap 0>", "2S:<gap 0>", "close 2"}));
}

TEST(TcpReassembly, ForgettingOldEndedConnectionsKeepsTheNewestOfAReusedPair) {
  capture::ReassemblyLimits limits;
  limits.max_closed_remembered = 1;
  Wire w(limits);
  for (std::uint32_t isn : {100u, 9000u}) {  // the same endpoints twice, each closed
    w.handshake(isn, isn + 50);
    w.client(isn + 1, isn + 51, kFinAck);
    w.server(isn + 51, isn + 2, kFinAck);
  }
  const std::size_t events = w.events.log.size();
  w.client(9002, 9052, kAck);  // the last ACK of the second: still known as ended
  EXPECT_EQ(w.events.log.size(), events);
}

// A sink that gives up on every connection after its first bytes.
class FirstBytesOnly final : public capture::TcpStreamSink {
 public:
  void on_tcp_open(Handle, const capture::TcpConnectionInfo&) override {}
  void on_tcp_data(Handle, TcpSide, std::string_view bytes, const capture::Origin&) override {
    data.push_back(std::string(bytes));
  }
  void on_tcp_gap(Handle, TcpSide, std::uint64_t, const capture::Origin&) override {}
  void on_tcp_problem(Handle, std::optional<TcpSide>, const capture::CaptureProblem&) override {}
  void on_tcp_close(Handle) override { ++closes; }
  bool wants(Handle) const override { return data.empty(); }
  std::vector<std::string> data;
  int closes = 0;
};

TEST(TcpReassembly, ConnectionTheSinkDoesNotWantIsDropped) {
  FirstBytesOnly sink;
  capture::TcpReassembler reassembler(sink);
  capture::TcpSegment s;
  s.source = {{4, {10, 0, 0, 2}}, 80};
  s.destination = {{4, {10, 0, 0, 1}}, 40000};
  const std::string bytes = "HTTP/1.1 200 OK\r\n";
  s.payload = capture::Bytes(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  s.seq = 1;
  s.flags = TcpFlags::kAck;
  reassembler.add(s);
  EXPECT_EQ(sink.closes, 1);
  s.seq += static_cast<std::uint32_t>(bytes.size());
  reassembler.add(s);  // ignored: the connection is over for reassembly
  reassembler.finish();
  EXPECT_EQ(sink.data.size(), 1u);
  EXPECT_EQ(sink.closes, 1);
}

TEST(TcpReassembly, RepeatedSynIsTheSameConnection) {
  Wire w;
  w.client(100, 0, TcpFlags::kSyn);
  w.client(100, 0, TcpFlags::kSyn);
  w.server(500, 101, TcpFlags::kSyn | kAck);
  w.server(501, 101, kAck, "hi\r\n");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log, (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:hi\r\n",
                               "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, ConnectionPickedUpMidStreamIsDelivered) {
  Wire w;
  w.server(777, 333, kAck, "* 3 EXISTS\r\n");
  w.client(333, 789, kAck, "a9 NOOP\r\n");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log,
            (Log{"open 1 mid 10.0.0.2:143>10.0.0.1:40000", "1C:* 3 EXISTS\r\n", "1S:a9 NOOP\r\n",
                 "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, SynAckWithoutSynStillKnowsTheClient) {
  Wire w;
  w.server(500, 101, TcpFlags::kSyn | kAck);
  w.client(101, 501, kAck);
  w.server(501, 101, kAck, "* OK\r\n");
  w.client(101, 507, kAck, "a1 NOOP\r\n");
  w.reassembler.finish();
  EXPECT_EQ(w.events.log,
            (Log{"open 1 handshake 10.0.0.1:40000>10.0.0.2:143", "1S:* OK\r\n", "1C:a1 NOOP\r\n",
                 "1-problem capture-ended", "1C:<gap 0>", "1S:<gap 0>", "close 1"}));
}

TEST(TcpReassembly, ProblemsOfOneKindAreCapped) {
  capture::ReassemblyLimits limits;
  limits.max_problems_per_kind = 2;
  Wire w(limits);
  w.handshake();
  w.server(501, 101, kAck, "abcdefgh");
  for (int i = 0; i < 5; ++i)
    w.server(501, 101, kAck, "X");
  int problems = 0;
  for (const std::string& e : w.events.log)
    problems += e.find("problem") != std::string::npos ? 1 : 0;
  EXPECT_EQ(problems, 3);  // two, then one saying the rest are not reported
}

}  // namespace
}  // namespace imapscope::testing
