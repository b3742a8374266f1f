#pragma once
// A progress bar on standard error for inputs that take a while to read. The CLI makes one
// only when standard error is a terminal; it stays invisible for the first second (a quick
// check never flickers), is redrawn at most ten times a second, and finish() erases it so
// nothing of it is left on the screen or in the report.

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>

namespace imapscope::reports {

class ProgressBar {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit ProgressBar(
      std::ostream& out, std::chrono::milliseconds delay = std::chrono::milliseconds(1000),
      Clock clock = [] { return std::chrono::steady_clock::now(); });
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // `done` bytes of `size` read (size 0: unknown).
  void update(std::uint64_t done, std::uint64_t size);
  // Erases the bar if it was drawn.
  void finish();
  bool shown() const { return shown_; }

 private:
  std::ostream& out_;
  std::chrono::milliseconds delay_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool shown_ = false;
};

}  // namespace imapscope::reports
