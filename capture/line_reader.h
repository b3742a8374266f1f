#pragma once
// Reads a file as lines without ever holding more than one buffer of it. A line longer than the
// buffer is handed out in several pieces, so a 10 MB line costs no more memory than a short one.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imapscope::capture {

struct LinePiece {
  std::string_view bytes;  // raw bytes, including the final '\n' when `ends_line`
  std::uint64_t line = 0;  // 1-based line number this piece belongs to
  std::uint64_t file_offset = 0;
  bool starts_line = false;
  bool ends_line = false;  // false for a piece cut by the buffer, or a last line without '\n'
};

class LineReader {
 public:
  static constexpr std::size_t kDefaultBuffer = 64 * 1024;

  // Takes ownership of `file` (may be stdin, which is not closed).
  explicit LineReader(std::FILE* file, std::size_t buffer_size = kDefaultBuffer);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Returns false at end of file. `piece` stays valid until the next call.
  bool next(LinePiece& piece);
  bool failed() const { return failed_; }
  // Called after each read from the file with the bytes read so far (progress reporting).
  void on_read(std::function<void(std::uint64_t)> callback) { on_read_ = std::move(callback); }

 private:
  bool refill();

  std::FILE* file_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t offset_ = 0;
  bool at_line_start_ = true;
  bool eof_ = false;
  bool failed_ = false;
  std::uint64_t read_ = 0;
  std::function<void(std::uint64_t)> on_read_;
};

// Opens `path` for reading ("-" is standard input); nullptr on failure with errno set.
std::FILE* open_input_file(const std::string& path);

// The size of a regular file; 0 for anything else (a pipe, a terminal).
std::uint64_t regular_file_size(std::FILE* file);

}  // namespace imapscope::capture
