#pragma once
// The result of checking a set of inputs: the model every report format is written from.

#include <cstdint>
#include <string>
#include <vector>

#include "checks/violation.h"

namespace imapscope::checks {

struct InputSummary {
  std::string path;
  std::string kind;         // "transcript", "rawlog", ...
  std::string server_path;  // for a rawlog, the .out file holding the server's lines
};

struct ConnectionSummary {
  std::uint32_t id = 0;
  std::size_t input = 0;  // index into Analysis::inputs
  std::string client;     // "address:port", empty when unknown
  std::string server;
  std::uint64_t commands = 0;
  std::uint64_t responses = 0;
  std::vector<std::string> capabilities;
  std::string final_state;
  std::string tls;  // "starttls" or "implicit" when the rest of the stream was TLS; else empty
};

struct Analysis {
  std::vector<InputSummary> inputs;
  std::vector<ConnectionSummary> connections;
  std::vector<Violation> violations;

  std::size_t count(Severity s) const;
  // The file a violation's `line` refers to: a rawlog's server lines are in its .out file.
  const std::string& file_of(const Violation& v) const;
};

}  // namespace imapscope::checks
