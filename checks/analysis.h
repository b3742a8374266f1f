#pragma once
// The result of checking a set of inputs: the model every report format is written from.

#include <cstdint>
#include <string>
#include <vector>

#include "capture/capture_problem.h"
#include "checks/transcript.h"
#include "checks/violation.h"

namespace imapscope::checks {

struct InputSummary {
  std::string path;
  std::string kind;         // "transcript", "rawlog", ...
  std::string server_path;  // for a rawlog, the .out file holding the server's lines
  // A capture's problems that concern no connection (corrupt records, unsupported link type).
  std::vector<capture::CaptureProblem> capture_problems{};
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
  bool compressed = false;  // COMPRESS=DEFLATE was negotiated and inflated (RFC 4978)
  Transcript transcript;    // the messages, only with CheckOptions::collect_transcript
  // What the capture lacks or holds damaged for this connection (gaps, truncated packets...),
  // in the order met. After a gap no findings are reported for it (SessionView::had_gap).
  std::vector<capture::CaptureProblem> capture_problems;
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
