#include <map>
#include <vector>

#include "reports/report.h"

namespace imapscope::reports {

void write_text(std::ostream& out, const checks::Analysis& analysis) {
  std::map<std::uint32_t, std::vector<const checks::Violation*>> by_connection;
  for (const checks::Violation& v : analysis.violations)
    by_connection[v.connection].push_back(&v);

  for (const checks::ConnectionSummary& c : analysis.connections) {
    const std::string& path = analysis.inputs.at(c.input).path;
    out << "connection " << c.id << " (" << path;
    if (!c.client.empty()) out << ", " << c.client << " -> " << c.server;
    out << "): " << c.commands << " commands, " << c.responses << " responses, ended "
        << c.final_state;
    if (!c.tls.empty()) out << ", then TLS (" << c.tls << ", not decrypted)";
    out << '\n';
    auto it = by_connection.find(c.id);
    if (it == by_connection.end()) continue;
    for (const checks::Violation* v : it->second) {
      out << "  " << analysis.file_of(*v);
      if (v->line != 0) out << ':' << v->line;
      if (v->column) out << ':' << (*v->column + 1);
      out << ": " << checks::severity_name(v->severity) << ": [" << v->rule << "] " << v->message
          << " (" << v->rfc << ")\n";
      if (!v->excerpt.empty()) {
        out << "      " << (v->direction == capture::Direction::kClientToServer ? "C: " : "S: ")
            << v->excerpt << '\n';
      }
    }
  }
  const std::size_t errors = analysis.count(checks::Severity::kError);
  const std::size_t warnings = analysis.count(checks::Severity::kWarning);
  out << analysis.connections.size()
      << (analysis.connections.size() == 1 ? " connection, " : " connections, ") << errors
      << (errors == 1 ? " error, " : " errors, ") << warnings
      << (warnings == 1 ? " warning" : " warnings") << '\n';
}

}  // namespace imapscope::reports
