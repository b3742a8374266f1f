// TCP reassembly's share of the memory bound: connections open at once beyond
// max_live_connections are counted, not reassembled; bytes held over all connections beyond
// max_buffered_total are given up as gaps.

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <string>

#include "capture/tcp_reassembly.h"

namespace imapscope::testing {
namespace {

using capture::TcpFlags;
using capture::TcpSide;

class Counts final : public capture::TcpStreamSink {
 public:
  void on_tcp_open(Handle, const capture::TcpConnectionInfo&) override { ++opened; }
  void on_tcp_data(Handle h, TcpSide, std::string_view bytes, const capture::Origin&) override {
    data[h] += bytes.size();
  }
  void on_tcp_gap(Handle h, TcpSide, std::uint64_t bytes, const capture::Origin&) override {
    gaps[h] += bytes;
  }
  void on_tcp_problem(Handle, std::optional<TcpSide>, const capture::CaptureProblem&) override {}
  void on_tcp_close(Handle) override { ++closed; }

  int opened = 0;
  int closed = 0;
  std::map<Handle, std::uint64_t> data;
  std::map<Handle, std::uint64_t> gaps;
};

class Wire {
 public:
  explicit Wire(capture::ReassemblyLimits limits) : reassembler(sink, limits) {}

  // A segment from client 10.0.<n>:40000 to 10.0.0.2:143.
  void client(std::uint16_t n, std::uint32_t seq, std::uint8_t flags, std::string data = {}) {
    capture::TcpSegment s;
    s.source = {{4, {10, 0, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)}},
                40000};
    s.destination = {{4, {10, 0, 0, 2}}, 143};
    s.seq = seq;
    s.flags = flags;
    storage_.push_back(std::move(data));
    s.payload = capture::Bytes(reinterpret_cast<const std::uint8_t*>(storage_.back().data()),
                               storage_.back().size());
    s.packet = ++packet_;
    reassembler.add(s);
  }

  Counts sink;
  capture::TcpReassembler reassembler;

 private:
  std::deque<std::string> storage_;
  std::uint64_t packet_ = 0;
};

TEST(ReassemblyLimits, ConnectionsBeyondTheLiveLimitAreCountedOnce) {
  capture::ReassemblyLimits limits;
  limits.max_live_connections = 3;
  Wire w(limits);
  for (std::uint16_t n = 1; n <= 10; ++n) {
    w.client(n, 100, TcpFlags::kSyn);
    w.client(n, 100, TcpFlags::kSyn);  // a repeated SYN is the same connection
    w.client(n, 101, TcpFlags::kAck, "a1 NOOP\r\n");
  }
  EXPECT_EQ(w.sink.opened, 3);
  EXPECT_EQ(w.reassembler.connections_not_analyzed(), 7u);
  w.reassembler.finish();
  EXPECT_EQ(w.sink.closed, 3);
}

TEST(ReassemblyLimits, RoomFreedByAClosedConnectionIsUsedAgain) {
  capture::ReassemblyLimits limits;
  limits.max_live_connections = 1;
  Wire w(limits);
  w.client(1, 100, TcpFlags::kSyn);
  w.client(2, 100, TcpFlags::kSyn);  // refused
  w.client(1, 101, TcpFlags::kRst);
  w.client(3, 100, TcpFlags::kSyn);  // room again
  EXPECT_EQ(w.sink.opened, 2);
  EXPECT_EQ(w.reassembler.connections_not_analyzed(), 1u);
}

TEST(ReassemblyLimits, BytesHeldOverAllConnectionsStayUnderTheTotal) {
  capture::ReassemblyLimits limits;
  limits.max_buffered_total = 64 << 10;
  Wire w(limits);
  const std::string chunk(1000, 'x');
  // Ten connections, each missing its first 1000 bytes and holding 20,000 after the hole:
  // 200,000 bytes if all were held.
  for (std::uint16_t n = 1; n <= 10; ++n)
    w.client(n, 100, TcpFlags::kSyn);
  for (std::uint32_t k = 1; k <= 20; ++k) {
    for (std::uint16_t n = 1; n <= 10; ++n)
      w.client(n, 101 + k * 1000, TcpFlags::kAck, chunk);
  }
  // Over the total, holes were given up: bytes were delivered before the end of the capture.
  std::uint64_t delivered = 0;
  for (const auto& [handle, bytes] : w.sink.data)
    delivered += bytes;
  EXPECT_GE(delivered, 200000u - (64u << 10) - 10 * 1000);
  EXPECT_FALSE(w.sink.gaps.empty());
  w.reassembler.finish();
}

}  // namespace
}  // namespace imapscope::testing
