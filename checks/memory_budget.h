#pragma once
// The limits that keep imapscope's peak memory under `--max-memory` (default 256 MB) however
// large or hostile the input. Memory grows with what is held at once, so each holder gets a
// share of the budget:
// - connections analyzed at the same time (a session with every rule's state: about 10 KB,
//   plus its framers' current message and the model of a selected mailbox, some 70 KB in all
//   for one following a 1,000-message mailbox) and in all (each leaves a summary in the report);
// - bytes TCP reassembly holds back over all connections (out-of-order segments, data waiting
//   for the peer's), on top of its per-direction bound (CaptureOptions);
// - violations kept, per rule and connection and in all; the rest are counted, not kept, so
//   the totals and the exit status stay exact.
// Connections beyond the limits are counted and reported as a resource-limit problem of their
// input, never silently dropped.

#include <cstddef>
#include <cstdint>

namespace imapscope::checks {

struct MemoryBudget {
  std::size_t live_connections = 0;     // analyzed at the same time
  std::size_t connections = 0;          // analyzed over the whole run
  std::size_t reassembly_bytes = 0;     // held by TCP reassembly, all connections together
  std::size_t violations = 0;           // kept over the whole run
  std::size_t violations_per_rule = 0;  // kept per rule and connection

  static constexpr std::size_t kDefaultMegabytes = 256;
  static constexpr std::size_t kMinimumMegabytes = 32;

  // The limits for a peak of `megabytes` (at least kMinimumMegabytes).
  static constexpr MemoryBudget for_megabytes(std::size_t megabytes) {
    const std::size_t mb = megabytes < kMinimumMegabytes ? kMinimumMegabytes : megabytes;
    MemoryBudget b;
    b.live_connections = mb * 4;          // 1,024 at 256 MB: 10-80 MB of sessions
    b.connections = mb * 64;              // 16,384 at 256 MB: ~2 KB of summary each
    b.reassembly_bytes = (mb << 20) / 4;  // a quarter: 64 MiB at 256 MB
    b.violations = mb * 400;              // 102,400 at 256 MB: ~500 bytes each
    b.violations_per_rule = 1000;
    return b;
  }
};

}  // namespace imapscope::checks
