#pragma once
// Something a capture lacks or holds damaged, which limits what the analysis of a connection
// can say: bytes that never made it into the file, packets cut short by the snapshot length,
// retransmissions whose bytes differ, records the file format does not allow. They are
// reported next to the violations, so a reader knows which findings rest on incomplete data.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "capture/direction.h"
#include "capture/origin.h"

namespace imapscope::capture {

enum class CaptureProblemKind : unsigned char {
  kGap,                     // bytes of a stream are not in the capture
  kMidStream,               // the connection began before the capture did
  kTruncated,               // a packet or the file itself ends before its stated length
  kRetransmissionMismatch,  // a retransmission carries other bytes than the first copy
  kCorrupt,                 // a record or header the format does not allow
  kUnsupportedLinkType,     // packets of a link layer imapscope does not decode
  kFragments,               // IP fragments that could not be put back together
  kCaptureEnded,            // the capture stopped while the connection was still open
  kResourceLimit,           // connections or findings beyond the memory limit, only counted
  kUnrecognizedTls,         // TLS on a port not known as IMAP's: maybe IMAPS, not analyzed
};
inline constexpr std::size_t kCaptureProblemKinds =
    static_cast<std::size_t>(CaptureProblemKind::kUnrecognizedTls) + 1;

constexpr std::string_view capture_problem_kind_name(CaptureProblemKind kind) {
  switch (kind) {
    case CaptureProblemKind::kGap:
      return "gap";
    case CaptureProblemKind::kMidStream:
      return "mid-stream";
    case CaptureProblemKind::kTruncated:
      return "truncated";
    case CaptureProblemKind::kRetransmissionMismatch:
      return "retransmission-mismatch";
    case CaptureProblemKind::kCorrupt:
      return "corrupt";
    case CaptureProblemKind::kUnsupportedLinkType:
      return "unsupported-link-type";
    case CaptureProblemKind::kFragments:
      return "fragments";
    case CaptureProblemKind::kCaptureEnded:
      return "capture-ended";
    case CaptureProblemKind::kResourceLimit:
      return "resource-limit";
    case CaptureProblemKind::kUnrecognizedTls:
      return "unrecognized-tls";
  }
  return "corrupt";
}

struct CaptureProblem {
  CaptureProblemKind kind = CaptureProblemKind::kCorrupt;
  std::uint64_t packet = 0;  // 1-based frame number (as Wireshark numbers it); 0 when none
  std::optional<Timestamp> time;
  std::optional<Direction> direction;  // the stream concerned, when there is one
  std::optional<std::uint64_t> bytes;  // how many bytes are concerned, when known
  std::string message;
};

}  // namespace imapscope::capture
