#pragma once
// Report writers. Each format is written from the same Analysis model.

#include <ostream>
#include <string>
#include <string_view>

#include "checks/analysis.h"
#include "checks/rule.h"

namespace imapscope::reports {

inline constexpr int kJsonSchemaVersion = 1;

struct ToolInfo {
  std::string name = "imapscope";
  std::string version;
};

// The JSON report (schema_version 1, documented in README.md).
void write_json(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool);

// The terminal summary: grouped by connection, one violation a line as file:line.
void write_text(std::ostream& out, const checks::Analysis& analysis);

// The rule catalog, as text or JSON.
void write_rule_catalog_text(std::ostream& out);
void write_rule_catalog_json(std::ostream& out);

// ISO 8601 UTC with microseconds, e.g. "2026-11-23T16:45:00.000123Z".
std::string format_time(std::int64_t micros_since_epoch);

}  // namespace imapscope::reports
