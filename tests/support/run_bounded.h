#pragma once
// Runs the imapscope binary as a child process under a time limit and measures its peak
// resident memory (wait4's rusage.ru_maxrss), for tests that feed it hostile input: it must
// neither hang nor grow with the input. Started by spawn_imapscope (run_command.cpp).

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/run_command.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {

struct BoundedResult {
  int exit_code = -1;  // 128 + signal when killed
  bool timed_out = false;
  long peak_rss_kb = 0;  // the child's peak resident set size
  double seconds = 0;
  std::string out;
  std::string err;
};

// Runs IMAPSCOPE_BINARY with `args` from the source directory; kills it after `timeout`.
inline BoundedResult run_imapscope_bounded(const std::vector<std::string>& args,
                                           std::chrono::seconds timeout) {
  TempFile out_file("", ".out");
  TempFile err_file("", ".err");
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = spawn_imapscope(args, out_file.path(), err_file.path());
  BoundedResult r;
  int status = 0;
  rusage usage{};
  while (true) {
    const pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (done < 0) throw std::runtime_error("wait4 failed");
    if (std::chrono::steady_clock::now() - start > timeout) {
      r.timed_out = true;
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.peak_rss_kb = usage.ru_maxrss;  // kilobytes on Linux
  r.out = read_file(out_file.path());
  r.err = read_file(err_file.path());
  return r;
}

}  // namespace imapscope::testing
