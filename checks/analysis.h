#pragma once
// The result of checking a set of inputs: the model every report format is written from.

#include <array>
#include <cstdint>
#include <optional>
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
  // From the TLS handshake's clear hellos (RFC 8446 §4.1.2, §4.1.3), when the capture shows them;
  // empty when unknown.
  std::string tls_version;                        // negotiated, e.g. "TLS 1.3"
  std::string tls_cipher;                         // e.g. "TLS_AES_256_GCM_SHA384"
  std::string tls_sni;                            // the server name the client asked for
  std::vector<std::string> tls_offered_versions;  // by the client, e.g. {"TLS 1.3", "TLS 1.2"}
  bool compressed = false;  // COMPRESS=DEFLATE was negotiated and inflated (RFC 4978)
  Transcript transcript;    // the messages, only with CheckOptions::collect_transcript
  // What the capture lacks or holds damaged for this connection (gaps, truncated packets...),
  // in the order met. Findings after a gap wait for resynchronization
  // (SessionView::findings_suspended).
  std::vector<capture::CaptureProblem> capture_problems;
};

// `imapscope probe`: one scripted scenario against a live server (probe/scenario.h).
struct ScenarioResult {
  enum class Outcome : unsigned char { kPass, kFail, kSkipped };
  std::string name;  // e.g. "append.literal-plus"
  std::string rfc;   // the sections it exercises, e.g. "RFC 9051 §6.3.12; RFC 7888 §4"
  Outcome outcome = Outcome::kPass;
  std::string detail;  // fail: the expectation and the server's words; skipped: why
  std::uint64_t duration_us = 0;
};

// What the probe learnt of the server besides the violations of its traffic.
struct ProbeSummary {
  std::string target;                                // the URL, never with a password
  std::string tls_version, tls_cipher, tls_subject;  // empty without TLS
  std::string greeting;
  std::vector<std::string> capabilities_before_login;
  std::vector<std::string> capabilities_after_login;
  std::string id;  // the server's ID response (RFC 2971), when offered
  std::vector<ScenarioResult> scenarios;
  std::string aborted;  // why the suite stopped early (connection lost...), else empty

  std::size_t count(ScenarioResult::Outcome o) const {
    std::size_t n = 0;
    for (const ScenarioResult& s : scenarios)
      n += s.outcome == o ? 1 : 0;
    return n;
  }
};

struct Analysis {
  std::vector<InputSummary> inputs;
  std::vector<ConnectionSummary> connections;
  std::vector<Violation> violations;
  std::optional<ProbeSummary> probe;  // set by `imapscope probe`
  // Violations found but not kept in `violations`, by Severity: past the memory limit's share
  // (checks/memory_budget.h). count() includes them.
  std::array<std::uint64_t, 3> violations_not_kept{};

  std::size_t count(Severity s) const;
  // The file a violation's `line` refers to: a rawlog's server lines are in its .out file.
  const std::string& file_of(const Violation& v) const;
};

}  // namespace imapscope::checks
