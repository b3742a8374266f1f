// The progress bar: silent for its first second, redrawn in place, erased at the end.

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "reports/progress_bar.h"

namespace imapscope::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

struct FakeClock {
  steady_clock::time_point now{};
  reports::ProgressBar::Clock clock() {
    return [this] { return now; };
  }
};

TEST(ProgressBar, SilentForAQuickCheck) {
  FakeClock t;
  std::ostringstream err;
  {
    reports::ProgressBar bar(err, milliseconds(1000), t.clock());
    t.now += milliseconds(999);
    bar.update(50, 100);
    bar.update(100, 100);
    EXPECT_FALSE(bar.shown());
    bar.finish();
  }
  EXPECT_EQ(err.str(), "");
}

TEST(ProgressBar, DrawsAfterTheDelayAndErasesAtTheEnd) {
  FakeClock t;
  std::ostringstream err;
  reports::ProgressBar bar(err, milliseconds(1000), t.clock());
  t.now += milliseconds(1500);
  bar.update(1 << 20, 4 << 20);
  EXPECT_TRUE(bar.shown());
  EXPECT_EQ(err.str(),
            "\rimapscope: reading [#######.......................] 25% of 4.0 MiB\x1b[K");
  // Redrawn at most every 100 ms.
  bar.update(2 << 20, 4 << 20);
  EXPECT_EQ(err.str().find("50%"), std::string::npos);
  t.now += milliseconds(100);
  bar.update(2 << 20, 4 << 20);
  EXPECT_NE(err.str().find("\rimapscope: reading [###############...............] 50% of"),
            std::string::npos);
  err.str("");
  bar.finish();
  EXPECT_EQ(err.str(), "\r\x1b[K");
  EXPECT_FALSE(bar.shown());
  err.str("");
  bar.finish();  // once erased, nothing more
  EXPECT_EQ(err.str(), "");
}

TEST(ProgressBar, UnknownSizeShowsBytesRead) {
  FakeClock t;
  std::ostringstream err;
  reports::ProgressBar bar(err, milliseconds(0), t.clock());
  bar.update(3 << 19, 0);
  EXPECT_EQ(err.str(), "\rimapscope: reading 1.5 MiB\x1b[K");
}

}  // namespace
}  // namespace imapscope::testing
