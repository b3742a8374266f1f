#include <nlohmann/json.hpp>

#include "reports/report.h"

namespace imapscope::reports {

void write_rule_catalog_text(std::ostream& out) {
  for (const checks::RuleEntry& e : checks::rule_catalog()) {
    out << e.info.id << "  " << checks::severity_name(e.info.severity) << "  "
        << checks::side_name(e.info.side) << "  " << e.info.rfc << "\n    " << e.info.summary
        << '\n';
  }
  out << checks::rule_catalog().size() << " rules\n";
}

void write_rule_catalog_json(std::ostream& out) {
  nlohmann::json rules = nlohmann::json::array();
  for (const checks::RuleEntry& e : checks::rule_catalog()) {
    rules.push_back({{"id", e.info.id},
                     {"severity", checks::severity_name(e.info.severity)},
                     {"side", checks::side_name(e.info.side)},
                     {"rfc", e.info.rfc},
                     {"summary", e.info.summary}});
  }
  out << nlohmann::json{{"schema_version", kJsonSchemaVersion}, {"rules", rules}}.dump(2) << '\n';
}

}  // namespace imapscope::reports
