#pragma once
// Report writers. Each format is written from the same Analysis model.

#include <cstddef>
#include <optional>
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

// The terminal summary: grouped by connection, one violation a line as file:line, the
// offending line under it (with a caret at a syntax error's column).
struct TextOptions {
  bool color = false;  // ANSI colors (see terminal_style.h for when the CLI turns them on)
};
void write_text(std::ostream& out, const checks::Analysis& analysis,
                const TextOptions& options = {});

// One self-contained HTML page (inline CSS and JS, fetches nothing): summary, filters, and per
// connection a ladder diagram and a transcript of the messages (needs
// CheckOptions::collect_transcript) with the violations marked. What is embedded is capped; the
// page says what was left out.
struct HtmlOptions {
  std::size_t max_violations = 5000;   // shown in detail; the summary counts all
  std::size_t max_messages = 20000;    // ladder rows over all connections
  std::size_t max_connections = 2000;  // connection sections (those with violations first)
  // Transcript data embedded (JSON, rendered when opened), connections with violations first.
  std::size_t max_transcript_bytes = 32 << 20;
};
void write_html(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool,
                const HtmlOptions& options = {});

// SARIF 2.1.0: one run, the whole rule catalog, a result per violation.
void write_sarif(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool);

// JUnit XML: a <testsuite> per input, a <testcase> per connection; violations at or above
// `fail_at` are <failure>s, the others go to <system-out> (nullopt: none fails).
void write_junit(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool,
                 std::optional<checks::Severity> fail_at);

// The rule catalog, as text or JSON.
void write_rule_catalog_text(std::ostream& out);
void write_rule_catalog_json(std::ostream& out);
// As a Markdown document (docs/rules.md is this output, checked by a test).
void write_rule_catalog_markdown(std::ostream& out);

// ISO 8601 UTC with microseconds, e.g. "2026-11-23T16:45:00.000123Z".
std::string format_time(std::int64_t micros_since_epoch);

}  // namespace imapscope::reports
