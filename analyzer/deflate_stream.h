#pragma once
// Raw DEFLATE decompression of one direction after COMPRESS=DEFLATE (RFC 4978 §3, §4: both
// sides switch to a raw deflate stream, RFC 1951, right after the tagged OK). Streaming: each
// input chunk is inflated in bounded pieces handed to a callback, so a compression bomb costs
// time, not memory.

#include <functional>
#include <memory>
#include <string_view>

namespace imapscope::analyzer {

class DeflateStream {
 public:
  DeflateStream();
  ~DeflateStream();
  DeflateStream(const DeflateStream&) = delete;
  DeflateStream& operator=(const DeflateStream&) = delete;

  // Inflates `in`, calling `out` with each piece of plain text. Returns false when the input
  // is not a valid deflate stream (the stream is then unusable).
  bool inflate(std::string_view in, const std::function<void(std::string_view)>& out);
  // True once any plain text came out.
  bool produced() const { return produced_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  bool failed_ = false;
  bool produced_ = false;
};

}  // namespace imapscope::analyzer
