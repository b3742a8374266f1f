#pragma once
// Runs the imapscope binary the way a user does and captures what it prints.

#include <sys/types.h>

#include <string>
#include <vector>

namespace imapscope::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs IMAPSCOPE_BINARY with `args` (no shell involved), from the source directory.
CommandResult run_imapscope(const std::vector<std::string>& args);

// Starts IMAPSCOPE_BINARY with `args` from the source directory, its standard output and error
// written to the files named, standard input from /dev/null; returns the child's pid to wait
// for. Throws when fork fails.
pid_t spawn_imapscope(const std::vector<std::string>& args, const std::string& out_path,
                      const std::string& err_path);

}  // namespace imapscope::testing
