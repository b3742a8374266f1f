#include "analyzer/deflate_stream.h"

#include <zlib.h>

#include <array>

namespace imapscope::analyzer {

struct DeflateStream::State {
  z_stream z{};
  bool ready = false;
};

DeflateStream::DeflateStream() : state_(std::make_unique<State>()) {
  // Negative window bits: a raw deflate stream without zlib header (RFC 4978 §4).
  state_->ready = inflateInit2(&state_->z, -15) == Z_OK;
  failed_ = !state_->ready;
}

DeflateStream::~DeflateStream() {
  if (state_->ready) inflateEnd(&state_->z);
}

bool DeflateStream::inflate(std::string_view in, const std::function<void(std::string_view)>& out) {
  if (failed_) return false;
  std::array<unsigned char, 64 * 1024> buffer{};
  z_stream& z = state_->z;
  // zlib's API takes non-const input; it does not write to it.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  do {
    z.next_out = buffer.data();
    z.avail_out = static_cast<uInt>(buffer.size());
    const int rc = ::inflate(&z, Z_SYNC_FLUSH);
    const std::size_t n = buffer.size() - z.avail_out;
    if (n > 0) {
      produced_ = true;
      out(std::string_view(reinterpret_cast<const char*>(buffer.data()), n));
    }
    if (rc == Z_STREAM_END) return true;
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      failed_ = true;
      return false;
    }
    if (rc == Z_BUF_ERROR && n == 0) break;  // needs more input
  } while (z.avail_in > 0 || z.avail_out == 0);
  return true;
}

}  // namespace imapscope::analyzer
