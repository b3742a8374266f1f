#include "reports/probe_report.h"

#include <map>

#include "reports/escape.h"

namespace imapscope::reports {

namespace {

using Outcome = checks::ScenarioResult::Outcome;

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kPass:
      return "pass";
    case Outcome::kFail:
      return "fail";
    case Outcome::kSkipped:
      return "skipped";
  }
  return "fail";
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v)
    out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string milliseconds(std::uint64_t us) {
  return std::to_string(us / 1000) + "." + std::to_string(us / 100 % 10) + " ms";
}

// The RFC areas the violations fall in ("RFC 9051 §6.3" from "RFC 9051 §6.3.12"), counted.
std::map<std::string, std::size_t> violations_by_area(const checks::Analysis& analysis) {
  std::map<std::string, std::size_t> out;
  for (const checks::Violation& v : analysis.violations) {
    std::string area = v.rfc.substr(0, v.rfc.find_first_of(",;"));
    if (const auto s = area.find('\xc2'); s != std::string::npos) {  // "§"
      const auto dot = area.find('.', s);
      if (dot != std::string::npos) area = area.substr(0, dot);
    }
    ++out[area];
  }
  return out;
}

}  // namespace

std::string probe_conformance_line(const checks::Analysis& analysis) {
  const checks::ProbeSummary& p = *analysis.probe;
  const std::size_t run = p.count(Outcome::kPass) + p.count(Outcome::kFail);
  std::string line =
      std::to_string(p.count(Outcome::kPass)) + " of " + std::to_string(run) +
      " scenarios passed (" + std::to_string(p.count(Outcome::kSkipped)) +
      " skipped); violations: " + std::to_string(analysis.count(checks::Severity::kError)) +
      " errors, " + std::to_string(analysis.count(checks::Severity::kWarning)) + " warnings, " +
      std::to_string(analysis.count(checks::Severity::kInfo)) + " info";
  const auto areas = violations_by_area(analysis);
  if (!areas.empty()) {
    line += " (";
    bool first = true;
    for (const auto& [area, n] : areas) {
      line += (first ? "" : ", ") + area + ": " + std::to_string(n);
      first = false;
    }
    line += ")";
  }
  return line;
}

void write_probe_text(std::ostream& out, const checks::Analysis& analysis,
                      const TerminalStyle& style) {
  const checks::ProbeSummary& p = *analysis.probe;
  out << "probe of " << terminal_safe(p.target) << '\n';
  out << "  greeting: " << terminal_safe(p.greeting) << '\n';
  if (!p.tls_version.empty())
    out << "  TLS: " << p.tls_version << ", " << p.tls_cipher << ", certificate "
        << terminal_safe(p.tls_subject) << '\n';
  out << "  capabilities before login: " << terminal_safe(join(p.capabilities_before_login))
      << '\n';
  out << "  capabilities after login: " << terminal_safe(join(p.capabilities_after_login)) << '\n';
  if (!p.id.empty()) out << "  ID: " << terminal_safe(p.id) << '\n';
  for (const checks::ScenarioResult& s : p.scenarios) {
    std::string mark(outcome_name(s.outcome));
    if (s.outcome == Outcome::kFail) mark = style.severity(checks::Severity::kError, mark);
    if (s.outcome == Outcome::kPass) mark = style.bold(mark);
    out << "  " << mark << "  " << s.name << "  (" << s.rfc << ", " << milliseconds(s.duration_us)
        << ")\n";
    if (!s.detail.empty()) out << "      " << terminal_safe(s.detail) << '\n';
  }
  if (!p.aborted.empty()) out << "  stopped early: " << terminal_safe(p.aborted) << '\n';
  out << probe_conformance_line(analysis) << '\n';
}

nlohmann::json probe_json(const checks::ProbeSummary& p) {
  using nlohmann::json;
  const auto nullable = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json scenarios = json::array();
  for (const checks::ScenarioResult& s : p.scenarios)
    scenarios.push_back({{"name", s.name},
                         {"rfc", s.rfc},
                         {"outcome", outcome_name(s.outcome)},
                         {"detail", nullable(s.detail)},
                         {"duration_us", s.duration_us}});
  return {{"target", p.target},
          {"tls_version", nullable(p.tls_version)},
          {"tls_cipher", nullable(p.tls_cipher)},
          {"tls_subject", nullable(p.tls_subject)},
          {"greeting", p.greeting},
          {"capabilities_before_login", p.capabilities_before_login},
          {"capabilities_after_login", p.capabilities_after_login},
          {"id", nullable(p.id)},
          {"aborted", nullable(p.aborted)},
          {"passed", p.count(Outcome::kPass)},
          {"failed", p.count(Outcome::kFail)},
          {"skipped", p.count(Outcome::kSkipped)},
          {"scenarios", std::move(scenarios)}};
}

void write_probe_junit(std::ostream& out, const checks::ProbeSummary& p) {
  const auto a = [](std::string_view name, const std::string& value) {
    return " " + std::string(name) + "=\"" + escape_attribute(value) + "\"";
  };
  double seconds = 0;
  for (const checks::ScenarioResult& s : p.scenarios)
    seconds += static_cast<double>(s.duration_us) / 1e6;
  out << "  <testsuite" << a("name", "probe " + p.target)
      << a("tests", std::to_string(p.scenarios.size()))
      << a("failures", std::to_string(p.count(Outcome::kFail))) << a("errors", "0")
      << a("skipped", std::to_string(p.count(Outcome::kSkipped)))
      << a("time", std::to_string(seconds)) << ">\n";
  for (const checks::ScenarioResult& s : p.scenarios) {
    out << "    <testcase" << a("name", s.name) << a("classname", "imapscope.probe")
        << a("time", std::to_string(static_cast<double>(s.duration_us) / 1e6)) << ">";
    if (s.outcome == Outcome::kFail)
      out << "<failure" << a("message", s.detail) << a("type", s.rfc) << "/>";
    else if (s.outcome == Outcome::kSkipped)
      out << "<skipped" << a("message", s.detail) << "/>";
    out << "</testcase>\n";
  }
  out << "  </testsuite>\n";
}

std::string probe_html(const checks::Analysis& analysis) {
  const checks::ProbeSummary& p = *analysis.probe;
  std::string h = "<section id=\"probe\"><h2>Probe of " + escape_markup(p.target) + "</h2>\n";
  h += "<p>" + escape_markup(probe_conformance_line(analysis)) + "</p>\n<dl>";
  h += "<dt>Greeting</dt><dd><code>" + escape_markup(p.greeting) + "</code></dd>";
  if (!p.tls_version.empty())
    h += "<dt>TLS</dt><dd>" +
         escape_markup(p.tls_version + ", " + p.tls_cipher + ", certificate " + p.tls_subject) +
         "</dd>";
  h += "<dt>Capabilities before login</dt><dd><code>" +
       escape_markup(join(p.capabilities_before_login)) + "</code></dd>";
  h += "<dt>Capabilities after login</dt><dd><code>" +
       escape_markup(join(p.capabilities_after_login)) + "</code></dd>";
  if (!p.id.empty()) h += "<dt>ID</dt><dd><code>" + escape_markup(p.id) + "</code></dd>";
  h += "</dl>\n<table><thead><tr><th>Scenario</th><th>Outcome</th><th>RFC</th><th>Time</th>"
       "<th>Detail</th></tr></thead><tbody>\n";
  for (const checks::ScenarioResult& s : p.scenarios) {
    const std::string outcome(outcome_name(s.outcome));
    h += "<tr class=\"scenario-" + outcome + "\"><td>" + escape_markup(s.name) + "</td><td>" +
         outcome + "</td><td>" + escape_markup(s.rfc) + "</td><td>" + milliseconds(s.duration_us) +
         "</td><td>" + escape_markup(s.detail) + "</td></tr>\n";
  }
  h += "</tbody></table>\n";
  if (!p.aborted.empty()) h += "<p>Stopped early: " + escape_markup(p.aborted) + "</p>\n";
  return h + "</section>\n";
}

}  // namespace imapscope::reports
