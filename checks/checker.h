#pragma once
// Runs inputs through the whole pipeline: capture readers → analyzer sessions → every rule of
// the catalog → one Analysis. The command line is a thin shell over this.

#include <optional>
#include <string>
#include <vector>

#include "analyzer/session.h"
#include "capture/input.h"
#include "checks/analysis.h"
#include "checks/memory_budget.h"
#include "checks/rule.h"

namespace imapscope::checks {

struct CheckOptions {
  Profile profile = Profile::kAuto;
  bool redact = true;
  analyzer::FramerLimits limits;
  capture::CaptureOptions capture;  // how pcap/pcapng inputs are read (IMAP ports, buffering)
  // Record each connection's messages (bounded) for reports that draw them (HTML).
  bool collect_transcript = false;
  // The peak memory to stay under (--max-memory): connections and violations past its shares
  // are counted and reported, not kept (checks/memory_budget.h).
  std::size_t max_memory_mb = MemoryBudget::kDefaultMegabytes;
};

struct CheckResult {
  Analysis analysis;
  std::optional<capture::InputError> error;  // set when an input could not be read
};

CheckResult check_inputs(const std::vector<std::string>& paths, const CheckOptions& options);

}  // namespace imapscope::checks
