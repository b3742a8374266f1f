#include <nlohmann/json.hpp>

#include "reports/capture_problems.h"
#include "reports/probe_report.h"
#include "reports/report.h"

namespace imapscope::reports {
namespace {

using nlohmann::json;

json nullable_number(std::uint64_t v) {
  return v == 0 ? json(nullptr) : json(v);
}
json nullable_string(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json violation_json(const checks::Analysis& a, const checks::Violation& v) {
  json j;
  j["rule"] = v.rule;
  j["severity"] = checks::severity_name(v.severity);
  j["side"] = checks::side_name(v.side);
  j["connection"] = v.connection;
  j["file"] = a.file_of(v);
  j["line"] = nullable_number(v.line);
  j["column"] = v.column ? json(*v.column + 1) : json(nullptr);
  j["offset"] = v.direction ? json(v.offset) : json(nullptr);
  j["direction"] = v.direction ? json(capture::side_name(*v.direction)) : json(nullptr);
  j["packet"] = nullable_number(v.packet);
  j["time"] = v.time ? json(format_time(*v.time)) : json(nullptr);
  j["tag"] = nullable_string(v.tag);
  j["message"] = v.message;
  j["rfc"] = v.rfc;
  j["excerpt"] = v.excerpt;
  return j;
}

}  // namespace

void write_json(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool) {
  json report;
  report["schema_version"] = kJsonSchemaVersion;
  report["tool"] = {{"name", tool.name}, {"version", tool.version}};
  json inputs = json::array();
  for (const checks::InputSummary& in : analysis.inputs) {
    inputs.push_back({{"path", in.path},
                      {"kind", in.kind},
                      {"capture_problems", capture_problems_json(in.capture_problems)}});
  }
  report["inputs"] = std::move(inputs);
  json connections = json::array();
  for (const checks::ConnectionSummary& c : analysis.connections) {
    connections.push_back({{"id", c.id},
                           {"input", c.input},
                           {"client", nullable_string(c.client)},
                           {"server", nullable_string(c.server)},
                           {"commands", c.commands},
                           {"responses", c.responses},
                           {"capabilities", c.capabilities},
                           {"final_state", c.final_state},
                           {"tls", nullable_string(c.tls)},
                           {"tls_version", nullable_string(c.tls_version)},
                           {"tls_cipher", nullable_string(c.tls_cipher)},
                           {"tls_sni", nullable_string(c.tls_sni)},
                           {"tls_offered_versions", c.tls_offered_versions},
                           {"compressed", c.compressed},
                           {"capture_problems", capture_problems_json(c.capture_problems)}});
  }
  report["connections"] = std::move(connections);
  json violations = json::array();
  for (const checks::Violation& v : analysis.violations)
    violations.push_back(violation_json(analysis, v));
  report["violations"] = std::move(violations);
  report["summary"] = {{"errors", analysis.count(checks::Severity::kError)},
                       {"warnings", analysis.count(checks::Severity::kWarning)},
                       {"info", analysis.count(checks::Severity::kInfo)}};
  if (analysis.probe) report["probe"] = probe_json(*analysis.probe);
  // Invalid UTF-8 in an excerpt (8-bit bytes in a hostile stream) is replaced, not fatal.
  out << report.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace imapscope::reports
