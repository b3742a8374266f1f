// Golden files: each format written for bundled samples, compared byte for byte with
// tests/reports/golden/. The tool version is fixed (kTestTool) so a release does not change
// them. SARIF lists the whole rule catalog; the golden keeps only the rules its results use,
// so adding a rule to the catalog does not change it (the catalog is checked in sarif_test).
//
// After an intended change to a format, or a new rule firing on these samples, regenerate:
//   IMAPSCOPE_UPDATE_GOLDEN=1 build/tests/imapscope_reports_tests --gtest_filter='Golden*'
// and review the diff.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kSamples = {"samples/violations/expunge-during-fetch.txt",
                                           "samples/violations/greeting-malformed.txt"};

void compare_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(IMAPSCOPE_SOURCE_DIR) / "tests/reports/golden" / name;
  const char* update = std::getenv("IMAPSCOPE_UPDATE_GOLDEN");
  if (update != nullptr && *update != '\0') {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "wrote " << path;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; run with IMAPSCOPE_UPDATE_GOLDEN=1";
  const std::string expected = read_file(path.string());
  if (expected == actual) return;
  // Point at the first differing line: the whole file is too long to read in a failure.
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 1;
  while (std::getline(e, el) && std::getline(a, al) && el == al)
    ++line;
  ADD_FAILURE() << name << " differs from the golden file at line " << line
                << ":\n  expected: " << el << "\n  actual:   " << al
                << "\n(if the change is intended: IMAPSCOPE_UPDATE_GOLDEN=1 "
                   "imapscope_reports_tests --gtest_filter='Golden*', then review the diff)";
}

TEST(Golden, Text) {
  std::ostringstream out;
  reports::write_text(out, check_samples(kSamples));
  compare_golden("text.txt", out.str());
}

TEST(Golden, TextInColor) {
  std::ostringstream out;
  reports::write_text(out, check_samples(kSamples), {.color = true});
  compare_golden("text-color.txt", out.str());
}

TEST(Golden, Json) {
  std::ostringstream out;
  reports::write_json(out, check_samples(kSamples), kTestTool);
  compare_golden("report.json", out.str());
}

TEST(Golden, Sarif) {
  std::ostringstream out;
  reports::write_sarif(out, check_samples(kSamples), kTestTool);
  json log = json::parse(out.str());
  json& run = log["runs"][0];
  std::set<std::string> used;
  for (const json& r : run["results"])
    used.insert(r["ruleId"].get<std::string>());
  json rules = json::array();
  for (const json& r : run["tool"]["driver"]["rules"]) {
    if (used.count(r["id"].get<std::string>())) rules.push_back(r);
  }
  run["tool"]["driver"]["rules"] = rules;
  for (json& r : run["results"])
    r.erase("ruleIndex");  // an index into the whole catalog
  compare_golden("report.sarif", log.dump(2) + "\n");
}

TEST(Golden, Junit) {
  std::ostringstream out;
  reports::write_junit(out, check_samples(kSamples), kTestTool, checks::Severity::kError);
  compare_golden("report.junit.xml", out.str());
}

TEST(Golden, Html) {
  std::ostringstream out;
  reports::write_html(out, check_samples(kSamples, true), kTestTool);
  compare_golden("report.html", out.str());
}

}  // namespace
}  // namespace imapscope::testing
