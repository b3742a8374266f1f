#pragma once
// A problem with the input itself (unreadable, not in any known form). It is reported as one
// line, "file:line: what was expected", and ends the run with exit status 2.

#include <cstdint>
#include <string>

namespace imapscope::capture {

struct InputError {
  std::string path;
  std::uint64_t line = 0;  // 0 when the problem is not tied to a line
  std::string message;

  std::string to_string() const {
    std::string s = path;
    if (line != 0) s += ":" + std::to_string(line);
    return s + ": " + message;
  }
};

}  // namespace imapscope::capture
