#include "reports/progress_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace imapscope::reports {
namespace {

constexpr int kWidth = 30;  // cells of the bar itself

// "12.3 MiB": one decimal, so the line changes width rarely.
std::string mebibytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace

ProgressBar::ProgressBar(std::ostream& out, std::chrono::milliseconds delay, Clock clock)
    : out_(out), delay_(delay), clock_(std::move(clock)), start_(clock_()) {}

void ProgressBar::update(std::uint64_t done, std::uint64_t size) {
  const auto now = clock_();
  if (now - start_ < delay_) return;
  if (shown_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  std::string line = "\rimapscope: reading ";
  if (size > 0) {
    done = std::min(done, size);
    const int percent = static_cast<int>(done * 100 / size);
    const int filled = static_cast<int>(done * kWidth / size);
    line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
            std::string(static_cast<std::size_t>(kWidth - filled), '.') + "] " +
            std::to_string(percent) + "% of " + mebibytes(size);
  } else {
    line += mebibytes(done);
  }
  out_ << line << "\x1b[K" << std::flush;  // erase what a longer previous line left
  shown_ = true;
  last_draw_ = now;
}

void ProgressBar::finish() {
  if (!shown_) return;
  out_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace imapscope::reports
