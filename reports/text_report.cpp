#include <map>
#include <vector>

#include "reports/capture_problems.h"
#include "reports/probe_report.h"
#include "reports/report.h"
#include "reports/terminal_style.h"

namespace imapscope::reports {

void write_text(std::ostream& out, const checks::Analysis& analysis, const TextOptions& options) {
  const TerminalStyle style(options.color);
  std::map<std::uint32_t, std::vector<const checks::Violation*>> by_connection;
  for (const checks::Violation& v : analysis.violations)
    by_connection[v.connection].push_back(&v);

  for (const checks::ConnectionSummary& c : analysis.connections) {
    const std::string& path = analysis.inputs.at(c.input).path;
    out << "connection " << c.id << " (" << path;
    if (!c.client.empty()) out << ", " << c.client << " -> " << c.server;
    out << "): " << c.commands << " commands, " << c.responses << " responses, ended "
        << c.final_state;
    if (!c.tls.empty()) {
      out << ", then TLS (" << c.tls;
      if (!c.tls_version.empty()) out << ", " << c.tls_version;
      if (!c.tls_cipher.empty()) out << ", " << c.tls_cipher;
      if (!c.tls_sni.empty()) out << ", SNI " << terminal_safe(c.tls_sni);
      out << ", not decrypted)";
    }
    out << '\n';
    for (const capture::CaptureProblem& p : c.capture_problems)
      out << "  capture: " << capture_problem_text(p) << '\n';
    auto it = by_connection.find(c.id);
    if (it == by_connection.end()) continue;
    for (const checks::Violation* v : it->second) {
      std::string where = analysis.file_of(*v);
      if (v->line != 0) where += ':' + std::to_string(v->line);
      if (v->line == 0 && v->packet != 0) where += ", packet " + std::to_string(v->packet);
      // A probe's second connections are numbered by neither line nor packet: their time is
      // the one position they have (the JSON report gives it too).
      if (v->line == 0 && v->packet == 0 && v->time) where += ", at " + format_time(*v->time);
      if (v->column) where += ':' + std::to_string(*v->column + 1);
      out << "  " << style.bold(terminal_safe(where) + ":") << ' '
          << style.severity(v->severity, std::string(checks::severity_name(v->severity)) + ":")
          << " [" << v->rule << "] " << terminal_safe(v->message) << " (" << v->rfc << ")\n";
      if (!v->excerpt.empty()) {
        out << "      " << (v->direction == capture::Direction::kClientToServer ? "C: " : "S: ")
            << terminal_safe(v->excerpt) << '\n';
        // Like a compiler: a caret under the column where parsing failed.
        if (v->excerpt_column) {
          const std::string caret = caret_line(terminal_safe(v->excerpt), *v->excerpt_column, 9);
          if (!caret.empty()) out << style.caret(caret) << '\n';
        }
      }
    }
  }
  for (const checks::InputSummary& in : analysis.inputs) {
    for (const capture::CaptureProblem& p : in.capture_problems)
      out << in.path << ": capture: " << capture_problem_text(p) << '\n';
  }
  const std::size_t errors = analysis.count(checks::Severity::kError);
  const std::size_t warnings = analysis.count(checks::Severity::kWarning);
  const std::string error_count = std::to_string(errors) + (errors == 1 ? " error" : " errors");
  const std::string warning_count =
      std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  out << analysis.connections.size()
      << (analysis.connections.size() == 1 ? " connection, " : " connections, ")
      << (errors > 0 ? style.severity(checks::Severity::kError, error_count) : error_count) << ", "
      << (warnings > 0 ? style.severity(checks::Severity::kWarning, warning_count) : warning_count)
      << '\n';
  if (analysis.probe) write_probe_text(out, analysis, style);
}

}  // namespace imapscope::reports
