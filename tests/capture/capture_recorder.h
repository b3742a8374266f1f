#pragma once
// A StreamSink that keeps everything a capture reader produced, per connection: both streams,
// the interleaving of the two, gaps and capture problems. For the capture tests.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capture/pcap_reader.h"
#include "capture/stream_sink.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {

struct RecordedGap {
  capture::Direction dir = capture::Direction::kClientToServer;
  std::uint64_t bytes = 0;
  capture::Origin origin;
};

struct RecordedConnection {
  capture::ConnectionMeta meta;
  std::string client;  // what the client sent, in order
  std::string server;
  // Both streams as runs of one direction, "C:..." / "S:...", gaps as "C:<gap N>".
  std::vector<std::string> turns;
  std::vector<capture::Origin> origins;  // of each on_data call
  std::vector<RecordedGap> gaps;
  std::vector<capture::CaptureProblem> problems;
  bool ended = false;

  bool has_problem(capture::CaptureProblemKind kind) const {
    for (const auto& p : problems)
      if (p.kind == kind) return true;
    return false;
  }
};

class CaptureRecorder final : public capture::StreamSink {
 public:
  void on_connection_begin(capture::ConnectionId id, const capture::ConnectionMeta& meta) override {
    order.push_back(id);
    connections[id].meta = meta;
  }
  void on_data(capture::ConnectionId id, capture::Direction dir, std::string_view bytes,
               const capture::Origin& origin) override {
    RecordedConnection& c = connections.at(id);
    (dir == capture::Direction::kClientToServer ? c.client : c.server).append(bytes);
    c.origins.push_back(origin);
    append_turn(c, dir, bytes);
  }
  void on_connection_end(capture::ConnectionId id) override { connections.at(id).ended = true; }
  void on_gap(capture::ConnectionId id, capture::Direction dir, std::uint64_t bytes,
              const capture::Origin& origin) override {
    RecordedConnection& c = connections.at(id);
    c.gaps.push_back({dir, bytes, origin});
    append_turn(c, dir, "<gap " + std::to_string(bytes) + ">");
  }
  void on_capture_problem(capture::ConnectionId id,
                          const capture::CaptureProblem& problem) override {
    if (id == 0)
      connectionless.push_back(problem);
    else
      connections.at(id).problems.push_back(problem);
  }

  // The i-th connection (0-based) in the order they began.
  const RecordedConnection& at(std::size_t i) const { return connections.at(order.at(i)); }

  bool has_connectionless(capture::CaptureProblemKind kind) const {
    for (const auto& p : connectionless)
      if (p.kind == kind) return true;
    return false;
  }

  std::vector<capture::ConnectionId> order;
  std::map<capture::ConnectionId, RecordedConnection> connections;
  std::vector<capture::CaptureProblem> connectionless;
  std::optional<capture::InputError> error;

 private:
  static void append_turn(RecordedConnection& c, capture::Direction dir, std::string_view bytes) {
    const std::string prefix = dir == capture::Direction::kClientToServer ? "C:" : "S:";
    if (!c.turns.empty() && c.turns.back().starts_with(prefix))
      c.turns.back().append(bytes);
    else
      c.turns.push_back(prefix + std::string(bytes));
  }
};

// Reads the capture file at `path`.
inline CaptureRecorder read_capture_file(const std::string& path,
                                         const capture::CaptureOptions& options = {}) {
  CaptureRecorder recorder;
  capture::ConnectionId next_id = 1;
  recorder.error = capture::read_capture(path, options, next_id, recorder);
  return recorder;
}

// Reads a capture given as bytes.
inline CaptureRecorder read_capture_bytes(const std::string& bytes,
                                          const capture::CaptureOptions& options = {}) {
  TempFile file(bytes, ".pcap");
  return read_capture_file(file.path(), options);
}

}  // namespace imapscope::testing
