#pragma once
// Messages for parser tests, cut by the real framer so lines, literals and offsets are exactly
// what the parsers see in a session.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/framer.h"

namespace imapscope::testing {

inline std::vector<analyzer::Message> frame_all(std::string_view bytes, analyzer::Direction dir) {
  class Collect final : public analyzer::FramerSink {
   public:
    void on_literal_announced(const analyzer::Message&, const analyzer::Literal&) override {}
    void on_literal_begin(const analyzer::Message&, const analyzer::Literal&) override {}
    void on_message(analyzer::Message& m) override { messages.push_back(std::move(m)); }
    std::vector<analyzer::Message> messages;
  };
  Collect sink;
  analyzer::Framer framer(dir, sink);
  framer.feed(bytes, analyzer::Origin{1, 0, std::nullopt});
  framer.finish();
  return std::move(sink.messages);
}

// The single message in `bytes` (a CRLF is added when `bytes` has no line ending at all).
inline analyzer::Message frame_one(std::string_view bytes,
                                   analyzer::Direction dir = analyzer::Direction::kClientToServer) {
  std::string stream(bytes);
  if (stream.find('\n') == std::string::npos) stream += "\r\n";
  auto messages = frame_all(stream, dir);
  EXPECT_EQ(messages.size(), 1u) << bytes;
  return messages.empty() ? analyzer::Message{} : std::move(messages.front());
}

inline analyzer::Message frame_response(std::string_view bytes) {
  return frame_one(bytes, analyzer::Direction::kServerToClient);
}

}  // namespace imapscope::testing
