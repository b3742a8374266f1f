#include "capture/line_reader.h"

#include <sys/stat.h>

#include <cstring>

#include "capture/standard_input.h"

namespace imapscope::capture {

LineReader::LineReader(std::FILE* file, std::size_t buffer_size)
    : file_(file), buffer_(buffer_size) {}

LineReader::~LineReader() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

bool LineReader::refill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) return true;  // full: the caller cuts a piece
  const std::size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  if (n == 0) {
    eof_ = true;
    if (std::ferror(file_) != 0) failed_ = true;
    return false;
  }
  end_ += n;
  read_ += n;
  if (on_read_) on_read_(read_);
  return true;
}

bool LineReader::next(LinePiece& piece) {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const std::size_t available = end_ - begin_;
    const void* lf = available > 0 ? std::memchr(start, '\n', available) : nullptr;
    std::size_t length = 0;
    bool ends_line = false;
    if (lf != nullptr) {
      length = static_cast<std::size_t>(static_cast<const char*>(lf) - start) + 1;
      ends_line = true;
    } else if (available == buffer_.size() || (eof_ && available > 0)) {
      length = available;  // a line longer than the buffer, or a last line without '\n'
    } else {
      if (!refill() && end_ == begin_) return false;
      continue;
    }
    piece.bytes = std::string_view(start, length);
    piece.line = line_;
    piece.file_offset = offset_;
    piece.starts_line = at_line_start_;
    piece.ends_line = ends_line;
    begin_ += length;
    offset_ += length;
    at_line_start_ = ends_line;
    if (ends_line) ++line_;
    return true;
  }
}

std::FILE* open_input_file(const std::string& path) {
  if (path == "-") return standard_input();
  return std::fopen(path.c_str(), "rb");
}

std::uint64_t regular_file_size(std::FILE* file) {
  struct stat st {};
  if (file == nullptr || fstat(fileno(file), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<std::uint64_t>(st.st_size);
}

}  // namespace imapscope::capture
