#include "capture/input.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "capture/line_reader.h"
#include "capture/pcap_reader.h"
#include "capture/rawlog_reader.h"
#include "capture/standard_input.h"
#include "capture/transcript_reader.h"

namespace imapscope::capture {
namespace {

bool has_pcap_magic(const unsigned char* b, std::size_t n) {
  if (n < 4) return false;
  const std::uint32_t m = static_cast<std::uint32_t>(b[0]) << 24 |
                          static_cast<std::uint32_t>(b[1]) << 16 |
                          static_cast<std::uint32_t>(b[2]) << 8 | b[3];
  return m == 0xa1b2c3d4 || m == 0xd4c3b2a1 || m == 0xa1b23c4d || m == 0x4d3cb2a1;
}

bool has_pcapng_magic(const unsigned char* b, std::size_t n) {
  return n >= 4 && b[0] == 0x0a && b[1] == 0x0d && b[2] == 0x0d && b[3] == 0x0a;
}

// True when the first line that is not a comment starts with "C:" or "S:".
bool looks_like_transcript(const std::string& path) {
  std::FILE* file = open_input_file(path);
  if (file == nullptr) return false;
  LineReader reader(file);
  LinePiece piece;
  for (int lines = 0; lines < 10000 && reader.next(piece); ++lines) {
    if (!piece.starts_line) continue;
    std::string_view s = piece.bytes;
    if (s.starts_with('#') || s.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    return s.starts_with("C:") || s.starts_with("S:");
  }
  return false;
}

// For "x.in" or "x.out", the pair (x.in, x.out) when both exist.
std::optional<std::pair<std::string, std::string>> rawlog_pair(const std::string& path) {
  std::string base;
  if (path.ends_with(".in"))
    base = path.substr(0, path.size() - 3);
  else if (path.ends_with(".out"))
    base = path.substr(0, path.size() - 4);
  else
    return std::nullopt;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(base + ".in", ec) ||
      !std::filesystem::is_regular_file(base + ".out", ec)) {
    return std::nullopt;
  }
  return std::pair{base + ".in", base + ".out"};
}

}  // namespace

std::string_view input_kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::kTranscript:
      return "transcript";
    case InputKind::kRawlog:
      return "rawlog";
    case InputKind::kPcap:
      return "pcap";
    case InputKind::kPcapng:
      return "pcapng";
  }
  return "unknown";
}

std::variant<InputSpec, InputError> identify_input(const std::string& path) {
  if (path == "-") {
    // Standard input is told by its first bytes too; they are read back by its reader.
    const std::string_view head = peek_standard_input(4);
    const auto* bytes = reinterpret_cast<const unsigned char*>(head.data());
    if (has_pcap_magic(bytes, head.size())) return InputSpec{InputKind::kPcap, path, {}};
    if (has_pcapng_magic(bytes, head.size())) return InputSpec{InputKind::kPcapng, path, {}};
    return InputSpec{InputKind::kTranscript, path, {}};
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return InputError{path, 0, "is a directory; expected a transcript, rawlog or capture file"};
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return InputError{path, 0, std::strerror(errno)};
  std::array<unsigned char, 4> magic{};
  const std::size_t n = std::fread(magic.data(), 1, magic.size(), file);
  std::fclose(file);
  if (has_pcap_magic(magic.data(), n)) return InputSpec{InputKind::kPcap, path, {}};
  if (has_pcapng_magic(magic.data(), n)) return InputSpec{InputKind::kPcapng, path, {}};
  if (auto pair = rawlog_pair(path)) {
    return InputSpec{InputKind::kRawlog, pair->first, pair->second};
  }
  if (looks_like_transcript(path)) return InputSpec{InputKind::kTranscript, path, {}};
  return InputError{path, 0,
                    "not a recognized input: expected a C:/S: transcript, a Dovecot rawlog "
                    "(NAME.in with NAME.out beside it) or a pcap/pcapng capture"};
}

std::optional<InputError> read_input(const InputSpec& spec, ConnectionId& next_id, StreamSink& sink,
                                     const CaptureOptions& capture) {
  switch (spec.kind) {
    case InputKind::kTranscript:
      return read_transcript(spec.path, next_id++, sink, capture.progress);
    case InputKind::kRawlog:
      return read_rawlog(spec.path, spec.partner_path, next_id++, sink, capture.progress);
    case InputKind::kPcap:
    case InputKind::kPcapng:
      return read_capture(spec.path, capture, next_id, sink);
  }
  return InputError{spec.path, 0, "unknown input kind"};
}

}  // namespace imapscope::capture
