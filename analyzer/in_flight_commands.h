#pragma once
// The commands sent and not yet completed (RFC 9051 §2.2.1: the client may send several before
// the server answers). Every command passes through here, and most sessions have one or two
// in progress: a completed command's slot is kept for the next one, so its strings (tag, name,
// excerpt) reuse their storage instead of being allocated and freed per command.

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "analyzer/session_observer.h"

namespace imapscope::analyzer {

class InFlightCommands {
 public:
  std::span<const InFlightCommand> live() const { return {slots_.data(), count_}; }
  std::span<InFlightCommand> live() { return {slots_.data(), count_}; }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

  // A slot at the end for a new command: the caller sets every field but `untagged`, which
  // starts at zero.
  InFlightCommand& add() {
    if (count_ == slots_.size()) slots_.emplace_back();
    InFlightCommand& c = slots_[count_++];
    c.untagged.fill(0);
    return c;
  }
  // Removes `c` (one of live()), keeping the others in the order they were sent.
  void remove(const InFlightCommand& c) {
    const auto at = slots_.begin() + (&c - slots_.data());
    std::rotate(at, at + 1, slots_.begin() + static_cast<std::ptrdiff_t>(count_));
    --count_;
  }
  void clear() { count_ = 0; }

 private:
  std::vector<InFlightCommand> slots_;  // [0, count_) live, the rest kept for reuse
  std::size_t count_ = 0;
};

}  // namespace imapscope::analyzer
