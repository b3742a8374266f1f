#pragma once
// Where a run of bytes came from in the input, so a violation can point back at it.

#include <cstdint>
#include <optional>

namespace imapscope::capture {

// Microseconds since the Unix epoch (UTC).
using Timestamp = std::int64_t;

struct Origin {
  std::uint64_t line = 0;    // 1-based line in the input file; 0 when the input has no lines
  std::uint64_t packet = 0;  // 1-based frame number in a capture; 0 for other inputs
  std::optional<Timestamp> time;
};

}  // namespace imapscope::capture
