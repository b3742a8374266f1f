// Helpers shared by the libFuzzer targets.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analyzer/framer.h"
#include "analyzer/message.h"
#include "capture/stream_sink.h"

namespace imapscope::fuzz {

// An in-memory file holding the input, reachable through a /proc/self/fd path, so the
// readers that take a path read exactly the fuzzer's bytes without touching the disk.
class MemFile {
 public:
  MemFile(const std::uint8_t* data, std::size_t size) {
    fd_ = memfd_create("imapscope-fuzz", MFD_CLOEXEC);
    if (fd_ < 0) std::abort();
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = write(fd_, data + done, size - done);
      if (n <= 0) std::abort();
      done += static_cast<std::size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemFile() { close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

// A stream sink that touches every byte it is given, so ASan sees bad views.
class CountingStreamSink : public capture::StreamSink {
 public:
  void on_connection_begin(capture::ConnectionId, const capture::ConnectionMeta& meta) override {
    sum_ += meta.client.size() + meta.server.size();
  }
  void on_data(capture::ConnectionId, capture::Direction, std::string_view bytes,
               const capture::Origin&) override {
    for (char c : bytes)
      sum_ += static_cast<unsigned char>(c);
  }
  void on_connection_end(capture::ConnectionId) override { ++sum_; }
  void on_gap(capture::ConnectionId, capture::Direction, std::uint64_t missing,
              const capture::Origin&) override {
    sum_ += missing;
  }
  std::uint64_t sum() const { return sum_; }

 private:
  std::uint64_t sum_ = 0;
};

// Frames a byte string into messages and hands each one to a callback.
template <typename F>
class CallbackFramerSink : public analyzer::FramerSink {
 public:
  explicit CallbackFramerSink(F f) : f_(std::move(f)) {}
  void on_literal_announced(const analyzer::Message&, const analyzer::Literal&) override {}
  void on_literal_begin(const analyzer::Message&, const analyzer::Literal&) override {}
  void on_message(analyzer::Message& m) override { f_(m); }

 private:
  F f_;
};

template <typename F>
void frame(analyzer::Direction dir, std::string_view bytes, F f) {
  CallbackFramerSink<F> sink(std::move(f));
  analyzer::FramerLimits limits;
  limits.max_line = 4096;
  limits.max_message_text = 64 << 10;
  limits.max_retained_literal = 1024;
  analyzer::Framer framer(dir, sink, limits);
  framer.feed(bytes, analyzer::Origin{});
  framer.finish();
}

}  // namespace imapscope::fuzz
