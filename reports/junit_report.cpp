// JUnit XML, as CI systems read test results: <testsuites>, a <testsuite> per input, a
// <testcase> per connection. A violation at or above --fail-on is a <failure> of its
// connection (type = the rule id); the others are listed in the test case's <system-out>.
// `tests` counts test cases and `failures` the test cases with at least one failure; with a
// probe, its scenarios are test cases too (a failed one a failure, a skipped one skipped).

#include <map>
#include <sstream>
#include <vector>

#include "reports/capture_problems.h"
#include "reports/escape.h"
#include "reports/probe_report.h"
#include "reports/report.h"
#include "reports/rfc_links.h"

namespace imapscope::reports {
namespace {

bool at_or_above(checks::Severity s, std::optional<checks::Severity> threshold) {
  // Severity orders from the worst: kError < kWarning < kInfo.
  return threshold && static_cast<int>(s) <= static_cast<int>(*threshold);
}

std::string location(const checks::Analysis& a, const checks::Violation& v) {
  std::string where = a.file_of(v);
  if (v.line != 0) where += ':' + std::to_string(v.line);
  return where;
}

// The violation as the text report writes it, plus what a CI reader needs to follow it up.
std::string details(const checks::Analysis& a, const checks::Violation& v) {
  std::string out = location(a, v) + ": " + std::string(checks::severity_name(v.severity)) + ": [" +
                    v.rule + "] " + v.message + " (" + v.rfc + ")\n";
  if (!v.excerpt.empty()) {
    out += "    ";
    out += v.direction == capture::Direction::kClientToServer ? "C: " : "S: ";
    out += v.excerpt + "\n";
  }
  if (!v.tag.empty()) out += "    tag: " + v.tag + "\n";
  if (v.time) out += "    time: " + format_time(*v.time) + "\n";
  if (v.packet != 0) out += "    packet: " + std::to_string(v.packet) + "\n";
  const std::string url = first_rfc_url(v.rfc);
  if (!url.empty()) out += "    see: " + url + "\n";
  return out;
}

std::string connection_name(const checks::Analysis& a, const checks::ConnectionSummary& c) {
  std::string name = "connection " + std::to_string(c.id) + " (" + a.inputs.at(c.input).path;
  if (!c.client.empty()) name += ", " + c.client + " -> " + c.server;
  return name + ")";
}

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + escape_attribute(value) + "\"";
}
std::string attr(std::string_view name, std::size_t value) {
  return attr(name, std::to_string(value));
}

}  // namespace

void write_junit(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool,
                 std::optional<checks::Severity> fail_at) {
  std::map<std::uint32_t, std::vector<const checks::Violation*>> by_connection;
  for (const checks::Violation& v : analysis.violations)
    by_connection[v.connection].push_back(&v);
  auto failed = [&](const checks::ConnectionSummary& c) {
    auto it = by_connection.find(c.id);
    if (it == by_connection.end()) return false;
    for (const checks::Violation* v : it->second) {
      if (at_or_above(v->severity, fail_at)) return true;
    }
    return false;
  };

  std::vector<std::vector<const checks::ConnectionSummary*>> per_input(analysis.inputs.size());
  for (const checks::ConnectionSummary& c : analysis.connections) {
    if (c.input < per_input.size()) per_input[c.input].push_back(&c);
  }
  std::size_t total_failures = 0;
  for (const checks::ConnectionSummary& c : analysis.connections)
    if (failed(c)) ++total_failures;
  // The probe's suite is a <testsuite> too: its scenarios count among the test cases.
  std::size_t total_tests = analysis.connections.size();
  std::size_t total_skipped = 0;
  if (analysis.probe) {
    using Outcome = checks::ScenarioResult::Outcome;
    total_tests += analysis.probe->scenarios.size();
    total_failures += analysis.probe->count(Outcome::kFail);
    total_skipped = analysis.probe->count(Outcome::kSkipped);
  }

  const std::string threshold =
      fail_at ? std::string(checks::severity_name(*fail_at)) : std::string("never");
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites" << attr("name", tool.name + " " + tool.version) << attr("tests", total_tests)
      << attr("failures", total_failures) << attr("errors", std::size_t{0})
      << attr("skipped", total_skipped) << ">\n";
  for (std::size_t i = 0; i < analysis.inputs.size(); ++i) {
    const checks::InputSummary& in = analysis.inputs[i];
    std::size_t failures = 0;
    for (const checks::ConnectionSummary* c : per_input[i])
      if (failed(*c)) ++failures;
    out << "  <testsuite" << attr("name", in.path) << attr("tests", per_input[i].size())
        << attr("failures", failures) << attr("errors", std::size_t{0})
        << attr("skipped", std::size_t{0}) << ">\n";
    out << "    <properties>\n";
    out << "      <property" << attr("name", "kind") << attr("value", in.kind) << "/>\n";
    if (!in.server_path.empty())
      out << "      <property" << attr("name", "server_path") << attr("value", in.server_path)
          << "/>\n";
    out << "      <property" << attr("name", "fail-on") << attr("value", threshold) << "/>\n";
    out << "    </properties>\n";
    for (const checks::ConnectionSummary* c : per_input[i]) {
      out << "    <testcase" << attr("name", connection_name(analysis, *c))
          << attr("classname", tool.name) << ">\n";
      std::ostringstream system_out;
      system_out << c->commands << " commands, " << c->responses << " responses, ended "
                 << c->final_state;
      if (!c->tls.empty()) system_out << ", then TLS (" << c->tls << ", not decrypted)";
      system_out << '\n';
      for (const capture::CaptureProblem& p : c->capture_problems)
        system_out << "capture: " << capture_problem_text(p) << '\n';
      std::size_t below = 0;
      auto it = by_connection.find(c->id);
      if (it != by_connection.end()) {
        for (const checks::Violation* v : it->second) {
          if (at_or_above(v->severity, fail_at)) {
            out << "      <failure"
                << attr("message", "[" + v->rule + "] " + v->message + " (" + v->rfc + ")")
                << attr("type", v->rule) << ">" << escape_markup(details(analysis, *v))
                << "</failure>\n";
          } else {
            if (below++ == 0) system_out << "below --fail-on " << threshold << ":\n";
            system_out << details(analysis, *v);
          }
        }
      }
      out << "      <system-out>" << escape_markup(system_out.str()) << "</system-out>\n";
      out << "    </testcase>\n";
    }
    if (!in.capture_problems.empty()) {
      std::string problems;
      for (const capture::CaptureProblem& p : in.capture_problems)
        problems += "capture: " + capture_problem_text(p) + "\n";
      out << "    <system-out>" << escape_markup(problems) << "</system-out>\n";
    }
    out << "  </testsuite>\n";
  }
  if (analysis.probe) write_probe_junit(out, *analysis.probe);
  out << "</testsuites>\n";
}

}  // namespace imapscope::reports
