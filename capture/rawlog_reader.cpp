#include "capture/rawlog_reader.h"

#include <cerrno>
#include <cstring>
#include <string_view>

#include "capture/line_reader.h"

namespace imapscope::capture {

std::size_t parse_rawlog_timestamp(std::string_view line, Timestamp& time) {
  std::size_t i = 0;
  std::int64_t seconds = 0;
  while (i < line.size() && i < 12 && line[i] >= '0' && line[i] <= '9') {
    seconds = seconds * 10 + (line[i] - '0');
    ++i;
  }
  if (i == 0 || i >= line.size() || line[i] != '.') return 0;
  const std::size_t dot = i++;
  std::int64_t micros = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
    micros = micros * 10 + (line[i] - '0');
    ++i;
  }
  if (i - dot - 1 != 6 || i >= line.size() || line[i] != ' ') return 0;
  time = seconds * 1000000 + micros;
  return i + 1;
}

namespace {

// One of the two files, with the start of its next line peeked so the two can be merged.
class RawlogSide {
 public:
  RawlogSide(std::FILE* file, std::string path, Direction dir)
      : reader_(file), path_(std::move(path)), dir_(dir) {}

  bool has_line() {
    if (!peeked_ && !exhausted_) {
      peeked_ = reader_.next(piece_);
      exhausted_ = !peeked_;
    }
    return peeked_;
  }
  const LinePiece& peek() const { return piece_; }
  const std::string& path() const { return path_; }
  bool failed() const { return reader_.failed(); }
  LineReader& reader() { return reader_; }

  // Sends the peeked line, all of its pieces, to `sink`; strips the timestamp when `stamped`.
  // Returns an error when a stamped file has a line without a stamp.
  std::optional<InputError> emit_line(bool stamped, ConnectionId id, StreamSink& sink) {
    Origin origin{piece_.line, 0, std::nullopt};
    std::string_view bytes = piece_.bytes;
    if (stamped) {
      Timestamp t = 0;
      const std::size_t n = parse_rawlog_timestamp(bytes, t);
      if (n == 0) {
        return InputError{path_, piece_.line,
                          "expected a rawlog timestamp (SECONDS.MICROSECONDS) at line start"};
      }
      bytes.remove_prefix(n);
      origin.time = t;
      last_time_ = t;
    }
    for (;;) {
      if (!bytes.empty()) sink.on_data(id, dir_, bytes, origin);
      const bool ended = piece_.ends_line;
      peeked_ = false;
      if (ended || !has_line()) break;
      bytes = piece_.bytes;
    }
    return std::nullopt;
  }

  Timestamp line_time() const {
    Timestamp t = 0;
    parse_rawlog_timestamp(piece_.bytes, t);
    return t;
  }

 private:
  LineReader reader_;
  std::string path_;
  Direction dir_;
  LinePiece piece_;
  bool peeked_ = false;
  bool exhausted_ = false;
  Timestamp last_time_ = 0;
};

std::string_view first_token(std::string_view line) {
  const std::size_t sp = line.find_first_of(" \r\n");
  return sp == std::string_view::npos ? line : line.substr(0, sp);
}

}  // namespace

std::optional<InputError> read_rawlog(const std::string& in_path, const std::string& out_path,
                                      ConnectionId id, StreamSink& sink,
                                      const ProgressCallback& progress) {
  std::FILE* in_file = open_input_file(in_path);
  if (in_file == nullptr) return InputError{in_path, 0, std::strerror(errno)};
  std::FILE* out_file = open_input_file(out_path);
  if (out_file == nullptr) {
    std::fclose(in_file);
    return InputError{out_path, 0, std::strerror(errno)};
  }
  RawlogSide client(in_file, in_path, Direction::kClientToServer);
  RawlogSide server(out_file, out_path, Direction::kServerToClient);
  // Progress counts both files together.
  std::uint64_t in_read = 0, out_read = 0;
  if (progress) {
    const std::uint64_t size = regular_file_size(in_file) + regular_file_size(out_file);
    client.reader().on_read([&, size](std::uint64_t n) {
      in_read = n;
      progress(in_read + out_read, size);
    });
    server.reader().on_read([&, size](std::uint64_t n) {
      out_read = n;
      progress(in_read + out_read, size);
    });
  }

  // A file is stamped when its first line carries a stamp; both files are written alike.
  Timestamp ignored = 0;
  bool stamped = false;
  if (server.has_line())
    stamped = parse_rawlog_timestamp(server.peek().bytes, ignored) != 0;
  else if (client.has_line())
    stamped = parse_rawlog_timestamp(client.peek().bytes, ignored) != 0;

  ConnectionMeta meta;
  meta.may_start_after_login = true;
  meta.may_end_at_login = true;
  sink.on_connection_begin(id, meta);
  std::optional<InputError> error;
  if (stamped) {
    bool server_spoke = false;
    while (!error && (client.has_line() || server.has_line())) {
      bool take_client = client.has_line();
      if (take_client && server.has_line()) {
        const Timestamp tc = client.line_time();
        const Timestamp ts = server.line_time();
        // On a tie the client's line goes first (a response follows what it answers), except
        // before the greeting, which always opens the connection.
        take_client = server_spoke ? tc <= ts : tc < ts;
      }
      if (!take_client) server_spoke = true;
      error = (take_client ? client : server).emit_line(true, id, sink);
    }
  } else {
    // Turn-taking: greeting, then a client line and the server's lines up to a line that
    // starts with that command's tag or with '+'.
    if (server.has_line()) error = server.emit_line(false, id, sink);
    std::string tag;
    bool continued = false;  // the server's last turn ended in a continuation request
    while (!error && (client.has_line() || server.has_line())) {
      if (client.has_line()) {
        // After "+" the client's line continues the same command (literal octets, a SASL
        // answer, IDLE's DONE; RFC 9051 §7.6), so that command's tag still ends the turn.
        if (!continued) tag = std::string(first_token(client.peek().bytes));
        error = client.emit_line(false, id, sink);
      }
      continued = false;
      while (!error && server.has_line()) {
        const std::string_view token = first_token(server.peek().bytes);
        const bool answers = token == "+" || (!tag.empty() && token == tag);
        continued = token == "+";
        error = server.emit_line(false, id, sink);
        if (answers && client.has_line()) break;
      }
    }
  }
  sink.on_connection_end(id);
  if (!error && client.failed()) error = InputError{in_path, 0, "read error"};
  if (!error && server.failed()) error = InputError{out_path, 0, "read error"};
  return error;
}

}  // namespace imapscope::capture
