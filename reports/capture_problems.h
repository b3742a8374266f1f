#pragma once
// How the reports show a capture's problems (capture/capture_problem.h): gaps, truncated
// packets, differing retransmissions, unreadable records.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "capture/capture_problem.h"

namespace imapscope::reports {

// The "capture_problems" array of the JSON report (README.md documents its fields).
nlohmann::json capture_problems_json(const std::vector<capture::CaptureProblem>& problems);

// One line of the text report: "packet 57 (time): gap in the server stream: message".
std::string capture_problem_text(const capture::CaptureProblem& problem);

}  // namespace imapscope::reports
