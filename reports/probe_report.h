#pragma once
// The probe section of each report format (Analysis::probe, set by `imapscope probe`): the
// scenarios with their outcomes and the conformance summary. The writers call these hooks.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "checks/analysis.h"
#include "reports/terminal_style.h"

namespace imapscope::reports {

// "N of M scenarios passed, violations by severity", one line.
std::string probe_conformance_line(const checks::Analysis& analysis);
// The target, TLS, capabilities, one line per scenario, and the conformance line.
void write_probe_text(std::ostream& out, const checks::Analysis& analysis,
                      const TerminalStyle& style);
nlohmann::json probe_json(const checks::ProbeSummary& probe);
// A <testsuite> "probe" with a <testcase> per scenario.
void write_probe_junit(std::ostream& out, const checks::ProbeSummary& probe);
// A <section> listing the scenarios.
std::string probe_html(const checks::Analysis& analysis);

}  // namespace imapscope::reports
