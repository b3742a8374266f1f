#include "capture/standard_input.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace imapscope::capture {
namespace {

// What was read from stdin to be peeked at, not yet handed to a reader.
std::string& peeked() {
  static std::string bytes;
  return bytes;
}
bool& peek_done() {
  static bool done = false;
  return done;
}

// glibc's fopencookie: the peeked bytes first, then stdin itself.
ssize_t read_cookie(void* cookie, char* buffer, std::size_t size) {
  auto* prefix = static_cast<std::string*>(cookie);
  if (!prefix->empty()) {
    const std::size_t n = std::min(size, prefix->size());
    std::memcpy(buffer, prefix->data(), n);
    prefix->erase(0, n);
    return static_cast<ssize_t>(n);
  }
  const std::size_t n = std::fread(buffer, 1, size, stdin);
  if (n == 0 && std::ferror(stdin)) return -1;
  return static_cast<ssize_t>(n);
}

int close_cookie(void* cookie) {
  delete static_cast<std::string*>(cookie);
  return 0;
}

}  // namespace

std::string_view peek_standard_input(std::size_t n) {
  std::string& bytes = peeked();
  if (!peek_done() && bytes.size() < n) {
    std::string more(n - bytes.size(), '\0');
    more.resize(std::fread(more.data(), 1, more.size(), stdin));
    bytes += more;
    peek_done() = bytes.size() < n;  // at the end already
  }
  return std::string_view(bytes).substr(0, std::min(n, bytes.size()));
}

std::FILE* standard_input() {
  auto* prefix = new std::string(std::move(peeked()));
  peeked().clear();
  cookie_io_functions_t io{};
  io.read = read_cookie;
  io.close = close_cookie;
  std::FILE* file = fopencookie(prefix, "r", io);
  if (file == nullptr) delete prefix;
  return file;
}

}  // namespace imapscope::capture
