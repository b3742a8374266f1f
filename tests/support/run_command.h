#pragma once
// Runs the imapscope binary the way a user does and captures what it prints.

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

}  // namespace imapscope::testing
