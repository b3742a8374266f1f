// CaptureOptions::progress: every reader reports the bytes it has read of the input's size,
// the positions only grow, and the last one is the whole file.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "capture/input.h"
#include "tests/capture/capture_recorder.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

namespace fs = std::filesystem;
using Calls = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

Calls read_with_progress(const std::string& path) {
  Calls calls;
  capture::CaptureOptions options;
  options.progress = [&calls](std::uint64_t done, std::uint64_t size) {
    calls.emplace_back(done, size);
  };
  const auto spec = capture::identify_input(path);
  EXPECT_TRUE(std::holds_alternative<capture::InputSpec>(spec)) << path;
  if (!std::holds_alternative<capture::InputSpec>(spec)) return calls;
  CaptureRecorder sink;
  capture::ConnectionId next = 1;
  const auto error = capture::read_input(std::get<capture::InputSpec>(spec), next, sink, options);
  EXPECT_FALSE(error.has_value()) << error->to_string();
  return calls;
}

void expect_monotonic_to(const Calls& calls, std::uint64_t size) {
  ASSERT_FALSE(calls.empty());
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].second, size) << i;
    EXPECT_LE(calls[i].first, size) << i;
    if (i > 0) {
      EXPECT_GT(calls[i].first, calls[i - 1].first) << i;
    }
  }
  EXPECT_EQ(calls.back().first, size);
}

std::string sample(const std::string& name) {
  return std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/" + name;
}

TEST(ReadProgress, TranscriptReportsGrowingPositionsEndingAtTheFileSize) {
  // Several reader buffers' worth (64 KiB each), so there are intermediate calls.
  std::string text = "S: * OK [CAPABILITY IMAP4rev2] ready\n";
  for (int i = 0; text.size() < 300000; ++i)
    text += "C: a" + std::to_string(i) + " NOOP\nS: a" + std::to_string(i) + " OK done\n";
  TempFile file(text);
  const Calls calls = read_with_progress(file.path());
  EXPECT_GE(calls.size(), 4u);
  expect_monotonic_to(calls, text.size());
}

TEST(ReadProgress, RawlogCountsBothFiles) {
  const std::string in = sample("imaplib-basic.in"), out = sample("imaplib-basic.out");
  const Calls calls = read_with_progress(in);
  expect_monotonic_to(calls, fs::file_size(in) + fs::file_size(out));
}

TEST(ReadProgress, CaptureEndsAtTheFileSize) {
  const std::string pcap = sample("idle.pcap");
  const Calls calls = read_with_progress(pcap);
  expect_monotonic_to(calls, fs::file_size(pcap));
}

}  // namespace
}  // namespace imapscope::testing
