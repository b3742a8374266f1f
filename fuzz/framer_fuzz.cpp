// Feeds the same bytes to a Framer whole, split in two at a position taken from the input's
// first bytes, and one byte at a time (a cut at every boundary at once), in both directions.
// Framing must not depend on how the stream was cut into chunks: any difference in the
// delivered messages is a bug, reported by abort().
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/framer.h"
#include "analyzer/message.h"

namespace {

using namespace imapscope;

struct Recorder : analyzer::FramerSink {
  std::vector<analyzer::Message> messages;
  std::vector<std::string> events;
  void on_literal_announced(const analyzer::Message& m, const analyzer::Literal& l) override {
    events.push_back("announced " + std::to_string(m.offset) + " " + std::to_string(l.size) + " " +
                     std::to_string(static_cast<int>(l.kind)));
  }
  void on_literal_begin(const analyzer::Message& m, const analyzer::Literal& l) override {
    events.push_back("begin " + std::to_string(m.offset) + " " + std::to_string(l.size) + " " +
                     std::to_string(l.stream_offset));
  }
  void on_message(analyzer::Message& m) override { messages.push_back(m); }
};

bool same(const analyzer::Line& a, const analyzer::Line& b) {
  return a.begin == b.begin && a.end == b.end && a.stream_offset == b.stream_offset &&
         a.bare_lf == b.bare_lf && a.truncated == b.truncated;
}

bool same(const analyzer::Literal& a, const analyzer::Literal& b) {
  return a.kind == b.kind && a.size == b.size && a.stream_offset == b.stream_offset &&
         a.retained == b.retained && a.complete == b.complete;
}

bool same(const analyzer::Message& a, const analyzer::Message& b) {
  if (a.dir != b.dir || a.offset != b.offset || a.text != b.text || a.complete != b.complete ||
      a.exchange != b.exchange || a.redactions != b.redactions ||
      a.lines.size() != b.lines.size() || a.literals.size() != b.literals.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    if (!same(a.lines[i], b.lines[i])) return false;
  }
  for (std::size_t i = 0; i < a.literals.size(); ++i) {
    if (!same(a.literals[i], b.literals[i])) return false;
  }
  return true;
}

void check(analyzer::Direction dir, bool exchange_mode, std::string_view bytes, std::size_t split) {
  // Small limits so that cut lines and retention limits are reached by small inputs.
  analyzer::FramerLimits limits;
  limits.max_line = 64;
  limits.max_message_text = 256;
  limits.max_retained_literal = 16;
  limits.max_lines = 8;
  const analyzer::Origin origin{};

  Recorder whole;
  analyzer::Framer a(dir, whole, limits);
  a.set_exchange_mode(exchange_mode);
  a.feed(bytes, origin);
  a.finish();

  Recorder parts;
  analyzer::Framer b(dir, parts, limits);
  b.set_exchange_mode(exchange_mode);
  b.feed(bytes.substr(0, split), origin);
  b.feed(bytes.substr(split), origin);
  b.finish();

  Recorder bytewise;
  analyzer::Framer c(dir, bytewise, limits);
  c.set_exchange_mode(exchange_mode);
  for (std::size_t i = 0; i < bytes.size(); ++i)
    c.feed(bytes.substr(i, 1), origin);
  c.finish();

  for (const auto& [framer, recorder] : {std::pair{&b, &parts}, std::pair{&c, &bytewise}}) {
    if (a.offset() != framer->offset() || whole.events != recorder->events ||
        whole.messages.size() != recorder->messages.size()) {
      std::abort();
    }
    for (std::size_t i = 0; i < whole.messages.size(); ++i) {
      if (!same(whole.messages[i], recorder->messages[i])) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::size_t pos = static_cast<std::size_t>(data[0]) << 8 | data[1];
  const bool exchange_mode = (data[2] & 1) != 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 3), size - 3);
  const std::size_t split = bytes.empty() ? 0 : pos % (bytes.size() + 1);
  check(analyzer::Direction::kClientToServer, exchange_mode, bytes, split);
  check(analyzer::Direction::kServerToClient, exchange_mode, bytes, split);
  return 0;
}
