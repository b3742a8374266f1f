// The SARIF 2.1.0 report: the structure code-scanning services require.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

json sarif(const checks::Analysis& a) {
  std::ostringstream out;
  reports::write_sarif(out, a, kTestTool);
  return json::parse(out.str());  // throws on invalid JSON (or invalid UTF-8)
}

// What every SARIF log this tool writes must satisfy.
void expect_valid_structure(const json& log) {
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "imapscope");
  EXPECT_EQ(driver["version"], "0.0.0-test");
  const json& rules = driver["rules"];
  ASSERT_EQ(rules.size(), checks::rule_catalog().size());
  std::set<std::string> ids;
  const std::set<std::string> levels{"none", "note", "warning", "error"};
  for (const json& r : rules) {
    const std::string id = r["id"];
    EXPECT_TRUE(ids.insert(id).second) << "duplicate rule " << id;
    EXPECT_FALSE(r["shortDescription"]["text"].get<std::string>().empty()) << id;
    EXPECT_FALSE(r["fullDescription"]["text"].get<std::string>().empty()) << id;
    EXPECT_NE(r["help"]["text"].get<std::string>().find("RFC"), std::string::npos) << id;
    EXPECT_TRUE(levels.count(r["defaultConfiguration"]["level"].get<std::string>())) << id;
  }
  const json& artifacts = run["artifacts"];
  for (const json& result : run["results"]) {
    const std::string id = result["ruleId"];
    EXPECT_TRUE(ids.count(id)) << id << " not among the rules";
    const std::size_t index = result["ruleIndex"];
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index]["id"], id);
    EXPECT_TRUE(levels.count(result["level"].get<std::string>()));
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    ASSERT_EQ(result["locations"].size(), 1u);
    const json& physical = result["locations"][0]["physicalLocation"];
    const json& artifact = physical["artifactLocation"];
    EXPECT_FALSE(artifact["uri"].get<std::string>().empty());
    const std::size_t a = artifact["index"];
    ASSERT_LT(a, artifacts.size());
    EXPECT_EQ(artifacts[a]["location"]["uri"], artifact["uri"]);
    EXPECT_FALSE(artifacts[a]["location"].contains("index"));
    if (physical.contains("region")) {
      EXPECT_GE(physical["region"]["startLine"].get<std::uint64_t>(), 1u);
      if (physical["region"].contains("startColumn")) {
        EXPECT_GE(physical["region"]["startColumn"].get<std::uint64_t>(), 1u);
      }
    }
    EXPECT_TRUE(result["properties"].contains("connection"));
    EXPECT_TRUE(result["properties"].contains("rfc"));
  }
}

TEST(Sarif, SamplesHaveTheRequiredStructure) {
  const checks::Analysis a = check_samples(
      {"samples/violations/expunge-during-fetch.txt", "samples/violations/greeting-malformed.txt",
       "samples/dovecot/imaplib-basic.in", "samples/violations/command-never-completed.txt"});
  const json log = sarif(a);
  expect_valid_structure(log);
  EXPECT_EQ(log["runs"][0]["results"].size(), a.violations.size());
}

TEST(Sarif, EveryViolationIsAResultWhereItHappened) {
  const json log = sarif(hostile_analysis());
  expect_valid_structure(log);
  const json& run = log["runs"][0];
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 4u);

  // A syntax error in a transcript: the file's column is after "C: ".
  const json& syntax = results[0];
  EXPECT_EQ(syntax["ruleId"], "syntax.command");
  EXPECT_EQ(syntax["level"], "error");
  const json& loc = syntax["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "samples/hostile%20session.txt");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 2);
  EXPECT_EQ(loc["region"]["startColumn"], 3 + 1 + 3);
  EXPECT_EQ(syntax["properties"]["column"], 4);
  EXPECT_EQ(syntax["properties"]["direction"], "client");
  EXPECT_EQ(syntax["properties"]["offset"], 0);

  EXPECT_EQ(results[1]["properties"]["tag"], "a4");
  EXPECT_NE(results[1]["message"]["text"].get<std::string>().find("RFC 9051"), std::string::npos);

  // A finding about the whole stream: the artifact only.
  const json& whole = results[2]["locations"][0]["physicalLocation"];
  EXPECT_FALSE(whole.contains("region"));
  EXPECT_EQ(results[2]["level"], "warning");
  EXPECT_FALSE(results[2]["properties"].contains("offset"));

  // A rawlog's server line is in its .out, an absolute path a file:// URI; time and packet kept.
  const json& rawlog = results[3];
  EXPECT_EQ(rawlog["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///var/log/rawlog/s1.out");
  EXPECT_FALSE(
      rawlog["locations"][0]["physicalLocation"]["artifactLocation"].contains("uriBaseId"));
  EXPECT_FALSE(rawlog["locations"][0]["physicalLocation"]["region"].contains("startColumn"));
  EXPECT_EQ(rawlog["properties"]["packet"], 7);
  EXPECT_EQ(rawlog["properties"]["time"], "2026-11-23T16:55:28.767377Z");
  EXPECT_EQ(rawlog["properties"]["side"], "server");

  std::set<std::string> uris;
  for (const json& artifact : run["artifacts"])
    uris.insert(artifact["location"]["uri"].get<std::string>());
  EXPECT_EQ(uris,
            (std::set<std::string>{"samples/hostile%20session.txt", "file:///var/log/rawlog/s1.in",
                                   "file:///var/log/rawlog/s1.out"}));
}

TEST(Sarif, CaptureProblemsAreToolNotifications) {
  const json log = sarif(hostile_analysis());
  const json& invocation = log["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  const json& notes = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["level"], "warning");
  EXPECT_EQ(notes[0]["descriptor"]["id"], "capture.corrupt");
  EXPECT_EQ(notes[0]["message"]["text"],
            "packet 12: corrupt: record longer than the snapshot length");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///var/log/rawlog/s1.in");
  EXPECT_FALSE(notes[0]["properties"].contains("connection"));
  EXPECT_EQ(notes[1]["descriptor"]["id"], "capture.gap");
  EXPECT_EQ(notes[1]["properties"]["connection"], 2);
  EXPECT_EQ(notes[1]["properties"]["packet"], 9);
  EXPECT_EQ(notes[1]["properties"]["bytes"], 100);
}

TEST(Sarif, RulesCarryTheirRfcSectionAndLevel) {
  const json log = sarif(checks::Analysis{});
  expect_valid_structure(log);
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  for (const json& r : log["runs"][0]["tool"]["driver"]["rules"]) {
    if (r["id"] != "expunge.during-fetch") continue;
    EXPECT_EQ(r["defaultConfiguration"]["level"], "error");
    EXPECT_EQ(r["helpUri"], "https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1");
    EXPECT_NE(r["help"]["text"].get<std::string>().find("RFC 9051 §7.5.1"), std::string::npos);
    EXPECT_NE(r["help"]["markdown"].get<std::string>().find(
                  "[§7.5.1](https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1)"),
              std::string::npos);
    return;
  }
  ADD_FAILURE() << "expunge.during-fetch not in the rules";
}

TEST(Sarif, InvalidUtf8IsReplacedNotFatal) {
  const json log = sarif(hostile_analysis());
  const std::string snippet =
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"];
  EXPECT_NE(snippet.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace imapscope::testing
