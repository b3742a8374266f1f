// SARIF 2.1.0 (OASIS), as code-scanning services read it: one run, the whole rule catalog as
// the driver's rules, one result per violation located at its file and line.

#include <map>
#include <nlohmann/json.hpp>

#include "reports/capture_problems.h"
#include "reports/escape.h"
#include "reports/report.h"
#include "reports/rfc_links.h"

namespace imapscope::reports {
namespace {

using nlohmann::json;

constexpr std::string_view kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
// A transcript line is "C: " or "S: " and then the message's text (README, Inputs).
constexpr std::uint64_t kTranscriptPrefix = 3;

std::string_view sarif_level(checks::Severity s) {
  switch (s) {
    case checks::Severity::kError:
      return "error";
    case checks::Severity::kWarning:
      return "warning";
    case checks::Severity::kInfo:
      return "note";
  }
  return "error";
}

// `index` refers into run.artifacts; an artifact's own location has none.
json artifact_location(const std::string& path, std::optional<std::size_t> index) {
  json loc = {{"uri", path_to_uri(path)}};
  if (index) loc["index"] = *index;
  // A relative path is relative to where imapscope ran, which SARIF consumers call the
  // source root.
  if (path.empty() || path.front() != '/') loc["uriBaseId"] = "%SRCROOT%";
  return loc;
}

json rule_json(const checks::RuleInfo& info) {
  const std::string summary(info.summary);
  const std::string rfc(info.rfc);
  const std::string url = first_rfc_url(rfc);
  std::string help = summary + ".\nEnforces " + rfc + ".";
  std::string markdown = summary + ".\n\nEnforces ";
  for (const CitationPart& part : cite_rfc_sections(rfc)) {
    if (part.url.empty()) {
      markdown += part.text;
    } else {
      help += "\n" + part.url;
      markdown += "[" + part.text + "](" + part.url + ")";
    }
  }
  markdown += ".";
  json r = {{"id", info.id},
            {"shortDescription", {{"text", summary}}},
            {"fullDescription", {{"text", summary + " (" + rfc + ")"}}},
            {"help", {{"text", help}, {"markdown", markdown}}},
            {"defaultConfiguration", {{"level", sarif_level(info.severity)}}},
            {"properties",
             {{"side", checks::side_name(info.side)},
              {"rfc", rfc},
              {"tags", json::array({"imap", std::string(checks::side_name(info.side))})}}}};
  if (!url.empty()) r["helpUri"] = url;
  return r;
}

}  // namespace

void write_sarif(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool) {
  const auto& catalog = checks::rule_catalog();
  std::map<std::string, std::size_t, std::less<>> rule_index;
  json rules = json::array();
  for (const checks::RuleEntry& e : catalog) {
    rule_index.emplace(std::string(e.info.id), rules.size());
    rules.push_back(rule_json(e.info));
  }

  // Every file a location may point at: each input, and a rawlog's .out.
  std::map<std::string, std::size_t> artifact_index;
  json artifacts = json::array();
  auto add_artifact = [&](const std::string& path) {
    if (path.empty() || artifact_index.count(path)) return;
    artifact_index.emplace(path, artifacts.size());
    artifacts.push_back({{"location", artifact_location(path, std::nullopt)},
                         {"roles", json::array({"analysisTarget"})}});
  };
  for (const checks::InputSummary& in : analysis.inputs) {
    add_artifact(in.path);
    add_artifact(in.server_path);
  }

  std::map<std::uint32_t, const checks::ConnectionSummary*> connections;
  for (const checks::ConnectionSummary& c : analysis.connections)
    connections.emplace(c.id, &c);

  json results = json::array();
  for (const checks::Violation& v : analysis.violations) {
    json result;
    result["ruleId"] = v.rule;
    if (auto it = rule_index.find(v.rule); it != rule_index.end()) result["ruleIndex"] = it->second;
    result["level"] = sarif_level(v.severity);
    // A capture has no lines to point at: the message names the packet (the frame number as
    // Wireshark counts it), which properties.packet holds too.
    std::string text = v.message + " (" + v.rfc + ")";
    if (v.line == 0 && v.packet != 0) text += " at packet " + std::to_string(v.packet);
    result["message"] = {{"text", std::move(text)}};

    const std::string& file = analysis.file_of(v);
    add_artifact(file);
    json physical = {{"artifactLocation", artifact_location(file, artifact_index.at(file))}};
    const checks::ConnectionSummary* conn =
        connections.count(v.connection) ? connections.at(v.connection) : nullptr;
    const bool transcript = conn != nullptr && analysis.inputs.at(conn->input).kind == "transcript";
    if (v.line != 0) {
      json region = {{"startLine", v.line}};
      // The column is counted in the message's line; only a transcript's file column is
      // known (after its "C: " or "S: ").
      if (v.column && transcript) region["startColumn"] = *v.column + 1 + kTranscriptPrefix;
      if (!v.excerpt.empty()) region["snippet"] = {{"text", v.excerpt}};
      physical["region"] = std::move(region);
    }
    result["locations"] = json::array({{{"physicalLocation", std::move(physical)}}});

    json props = {{"connection", v.connection},
                  {"side", checks::side_name(v.side)},
                  {"rfc", v.rfc},
                  {"severity", checks::severity_name(v.severity)}};
    if (v.direction) {
      props["direction"] = capture::side_name(*v.direction);
      props["offset"] = v.offset;
    }
    if (!v.tag.empty()) props["tag"] = v.tag;
    if (v.packet != 0) props["packet"] = v.packet;
    if (v.time) props["time"] = format_time(*v.time);
    if (v.column) props["column"] = *v.column + 1;  // in the message's line, as in -f json
    if (!v.excerpt.empty()) props["excerpt"] = v.excerpt;
    result["properties"] = std::move(props);
    results.push_back(std::move(result));
  }

  // What a capture lacks or holds damaged (gaps, truncated packets...) limits what the
  // analysis could find: tool execution notifications, located at the capture file.
  json notifications = json::array();
  auto notify = [&](const capture::CaptureProblem& p, const std::string& file,
                    std::optional<std::uint32_t> connection) {
    add_artifact(file);
    json props = capture_problems_json({p})[0];
    if (connection) props["connection"] = *connection;
    notifications.push_back(
        {{"level", "warning"},
         {"message", {{"text", capture_problem_text(p)}}},
         {"descriptor",
          {{"id", "capture." + std::string(capture::capture_problem_kind_name(p.kind))}}},
         {"locations", json::array({{{"physicalLocation",
                                      {{"artifactLocation",
                                        artifact_location(file, artifact_index.at(file))}}}}})},
         {"properties", std::move(props)}});
  };
  for (const checks::InputSummary& in : analysis.inputs) {
    for (const capture::CaptureProblem& p : in.capture_problems)
      notify(p, in.path, std::nullopt);
  }
  for (const checks::ConnectionSummary& c : analysis.connections) {
    for (const capture::CaptureProblem& p : c.capture_problems)
      notify(p, analysis.inputs.at(c.input).path, c.id);
  }

  json driver = {{"name", tool.name},
                 {"version", tool.version},
                 {"semanticVersion", tool.version},
                 {"rules", std::move(rules)}};
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", json::array({{{"executionSuccessful", true},
                                            {"toolExecutionNotifications", notifications}}})},
              {"artifacts", std::move(artifacts)},
              {"results", std::move(results)},
              {"columnKind", "unicodeCodePoints"}};
  json log = {{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
  // Invalid UTF-8 in an excerpt (8-bit bytes in a hostile stream) is replaced, not fatal.
  out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace imapscope::reports
