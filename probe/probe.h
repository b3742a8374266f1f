#pragma once
// `imapscope probe`: connects to a live server, runs the scenario catalog against it in a
// mailbox of its own, and returns the Analysis of its traffic (every passive rule applied)
// with the scenarios' outcomes in Analysis::probe.

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "capture/live_connection.h"
#include "checks/analysis.h"
#include "checks/checker.h"
#include "probe/url.h"

namespace imapscope::probe {

enum class StarttlsPolicy : unsigned char { kRequire, kIfOffered, kNever };
enum class AuthMethod : unsigned char { kAuto, kPlain, kLogin };

struct ProbeOptions {
  Target target;
  std::string password;
  StarttlsPolicy starttls = StarttlsPolicy::kRequire;
  capture::TlsOptions tls;
  AuthMethod auth = AuthMethod::kAuto;
  // Scenario names or prefixes ("append" runs append.*); empty: all.
  std::vector<std::string> scenarios;
  std::chrono::milliseconds timeout{30'000};  // per command
  std::string transcript_path;                // --save-transcript; empty: none
  checks::CheckOptions check;
};

struct ProbeResult {
  checks::Analysis analysis;
  // Set when the probe could not run at all (connect, TLS or login failed): one line.
  std::string error;
};

ProbeResult run_probe(const ProbeOptions& options);

// An empty string when every name selects at least one scenario, else a one-line error.
std::string check_scenario_selection(const std::vector<std::string>& names);
// The catalog, one scenario a line: name, needed capability, RFC sections, summary.
void write_scenario_list(std::ostream& out);

}  // namespace imapscope::probe
