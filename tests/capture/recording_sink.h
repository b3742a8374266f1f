#pragma once
// A StreamSink that remembers everything a reader produced, for the capture tests: each
// direction's stream concatenated, and every chunk with its origin, in arrival order.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "capture/stream_sink.h"

namespace imapscope::testing {

struct RecordedChunk {
  capture::Direction dir = capture::Direction::kClientToServer;
  std::string bytes;
  capture::Origin origin;
};

class RecordingSink final : public capture::StreamSink {
 public:
  void on_connection_begin(capture::ConnectionId id, const capture::ConnectionMeta& m) override {
    ++begins;
    last_id = id;
    meta = m;
  }
  void on_data(capture::ConnectionId id, capture::Direction dir, std::string_view bytes,
               const capture::Origin& origin) override {
    last_id = id;
    (dir == capture::Direction::kClientToServer ? client : server).append(bytes);
    chunks.push_back(RecordedChunk{dir, std::string(bytes), origin});
  }
  void on_connection_end(capture::ConnectionId id) override {
    ++ends;
    last_id = id;
  }

  // The chunks merged into runs of one direction, as "C:text" / "S:text", so a test can
  // check the interleaving without depending on how the bytes were cut.
  std::vector<std::string> turns() const {
    std::vector<std::string> out;
    for (const RecordedChunk& c : chunks) {
      const std::string prefix = c.dir == capture::Direction::kClientToServer ? "C:" : "S:";
      if (!out.empty() && out.back().starts_with(prefix)) {
        out.back() += c.bytes;
      } else {
        out.push_back(prefix + c.bytes);
      }
    }
    return out;
  }

  std::string client;
  std::string server;
  std::vector<RecordedChunk> chunks;
  capture::ConnectionMeta meta;
  capture::ConnectionId last_id = 0;
  int begins = 0;
  int ends = 0;
};

}  // namespace imapscope::testing
