#include "capture/transcript_reader.h"

#include <cerrno>
#include <cstring>
#include <string_view>

#include "capture/line_reader.h"

namespace imapscope::capture {
namespace {

constexpr std::string_view kCrlf = "\r\n";

bool is_blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

// The line ending of the transcript file itself (LF or CRLF) is not part of the data.
std::string_view strip_file_eol(std::string_view s, bool ends_line) {
  if (ends_line && !s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (ends_line && !s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<InputError> read_transcript(const std::string& path, ConnectionId id,
                                          StreamSink& sink, const ProgressCallback& progress) {
  std::FILE* file = open_input_file(path);
  if (file == nullptr) return InputError{path, 0, std::strerror(errno)};
  LineReader reader(file);
  if (progress) {
    reader.on_read(
        [&progress, size = regular_file_size(file)](std::uint64_t n) { progress(n, size); });
  }
  LinePiece piece;
  Direction dir = Direction::kClientToServer;
  bool in_data_line = false;  // inside a C:/S: line that the buffer cut into pieces
  bool skipping = false;      // inside a long comment line
  bool pending_cr = false;    // a '\r' at a piece's end that may be the file's own CRLF
  Origin origin;
  sink.on_connection_begin(id, ConnectionMeta{});
  while (reader.next(piece)) {
    std::string_view text = piece.bytes;
    if (piece.starts_line) {
      in_data_line = false;
      skipping = false;
      if (text.starts_with('#') || is_blank(text)) {
        skipping = !piece.ends_line;
        continue;
      }
      if (text.starts_with("C:")) {
        dir = Direction::kClientToServer;
      } else if (text.starts_with("S:")) {
        dir = Direction::kServerToClient;
      } else {
        sink.on_connection_end(id);
        return InputError{path, piece.line,
                          "expected a line starting with 'C:' or 'S:' (or '#' for a comment)"};
      }
      text.remove_prefix(2);
      if (text.starts_with(' ')) text.remove_prefix(1);
      origin = Origin{piece.line, 0, std::nullopt};
      in_data_line = true;
    } else if (skipping || !in_data_line) {
      continue;
    }
    if (pending_cr) {
      // The '\r' held back from the previous piece was data unless this piece is the bare '\n'.
      if (!(piece.ends_line && text == "\n")) sink.on_data(id, dir, "\r", origin);
      pending_cr = false;
    }
    text = strip_file_eol(text, piece.ends_line);
    if (!piece.ends_line && text.ends_with('\r')) {
      text.remove_suffix(1);
      pending_cr = true;
    }
    if (!text.empty()) sink.on_data(id, dir, text, origin);
    if (piece.ends_line) {
      sink.on_data(id, dir, kCrlf, origin);
      in_data_line = false;
    }
  }
  if (in_data_line) {
    if (pending_cr) sink.on_data(id, dir, "\r", origin);
    sink.on_data(id, dir, kCrlf, origin);  // a last line without a newline still counts
  }
  sink.on_connection_end(id);
  if (reader.failed()) return InputError{path, 0, "read error"};
  return std::nullopt;
}

}  // namespace imapscope::capture
