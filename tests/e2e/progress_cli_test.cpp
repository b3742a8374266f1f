// The progress bar from the command line: on standard error only when it is a terminal (a
// pseudo-terminal made by script(1) here), erased when the check ends; nothing at all when
// standard error is a file, as in every test and CI log. IMAPSCOPE_PROGRESS_DELAY_MS=0 makes
// the bar show at once instead of after a second.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "tests/support/run_command.h"
#include "tests/support/run_program.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

// A transcript of a few reader buffers, so reading it reports progress several times.
std::string long_transcript() {
  std::string text = "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\n";
  for (int i = 0; text.size() < 400000; ++i)
    text += "C: a" + std::to_string(i) + " NOOP\nS: a" + std::to_string(i) + " OK done\n";
  return text;
}

class ProgressCli : public ::testing::Test {
 protected:
  void SetUp() override { setenv("IMAPSCOPE_PROGRESS_DELAY_MS", "0", 1); }
  void TearDown() override { unsetenv("IMAPSCOPE_PROGRESS_DELAY_MS"); }
};

TEST_F(ProgressCli, NothingOnStandardErrorWhenItIsNotATerminal) {
  TempFile input(long_transcript());
  const CommandResult r = run_imapscope({"check", "-f", "json", input.path()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("reading"), std::string::npos);
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
}

TEST_F(ProgressCli, ABarOnATerminalErasedAtTheEnd) {
  const std::string script = find_program("script");
  if (script.empty()) GTEST_SKIP() << "script(1) (bsdutils) not installed";
  TempFile input(long_transcript());
  TempFile report("", ".json");
  // Everything the terminal receives: the report goes to a file, so only the bar is left.
  const std::string command = std::string("'") + IMAPSCOPE_BINARY + "' check -f json -o '" +
                              report.path() + "' '" + input.path() + "'";
  TempFile out("", ".tty"), err("", ".err");
  ASSERT_EQ(run_program({script, "-qefc", command, "/dev/null"}, out.path(), err.path()), 0)
      << read_file(err.path());
  const std::string tty = read_file(out.path());
  const std::size_t bar = tty.find("\rimapscope: reading [");
  ASSERT_NE(bar, std::string::npos) << tty;
  EXPECT_NE(tty.find("% of 0.4 MiB"), std::string::npos) << tty;
  // The last thing written erases the line: the terminal is left as it was.
  EXPECT_GE(tty.size(), 4u);
  EXPECT_EQ(tty.substr(tty.size() - 4), "\r\x1b[K") << tty;
  EXPECT_NE(read_file(report.path()).find("\"schema_version\": 1"), std::string::npos);
}

}  // namespace
}  // namespace imapscope::testing
