// The JUnit report's top-level counts include the probe's scenarios: a CI reading only
// <testsuites tests= failures= skipped=> must see a failed scenario.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "reports/report.h"

namespace imapscope::reports {
namespace {

using Outcome = checks::ScenarioResult::Outcome;

// The first opening tag of `element` in `xml`, attributes and all.
std::string opening_tag(const std::string& xml, const std::string& element) {
  const auto begin = xml.find("<" + element + " ");
  if (begin == std::string::npos) return {};
  return xml.substr(begin, xml.find('>', begin) - begin + 1);
}

std::string attribute(const std::string& tag, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(tag, m, std::regex(" " + name + "=\"([^\"]*)\""))) return "?";
  return m[1];
}

checks::Analysis analysis_with(std::vector<Outcome> outcomes) {
  checks::Analysis a;
  a.inputs.push_back({"imap://alice@127.0.0.1:143", "probe", ""});
  checks::ConnectionSummary c;
  c.id = 1;
  c.input = 0;
  a.connections.push_back(c);
  checks::ProbeSummary p;
  p.target = "imap://alice@127.0.0.1:143";
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    p.scenarios.push_back({"scenario-" + std::to_string(i), "RFC 9051 §6", outcomes[i], "why", 0});
  a.probe = p;
  return a;
}

TEST(ProbeJunitCounts, TopLevelCountsIncludeScenarios) {
  std::ostringstream out;
  write_junit(out,
              analysis_with({Outcome::kPass, Outcome::kFail, Outcome::kSkipped, Outcome::kFail}),
              {"imapscope", "0"}, checks::Severity::kError);
  const std::string top = opening_tag(out.str(), "testsuites");
  EXPECT_EQ(attribute(top, "tests"), "5") << top;  // 1 connection + 4 scenarios
  EXPECT_EQ(attribute(top, "failures"), "2") << top;
  EXPECT_EQ(attribute(top, "skipped"), "1") << top;
  // The probe's own suite counts the same scenarios.
  const std::string xml = out.str();
  const std::string probe = opening_tag(xml.substr(xml.find("name=\"probe ") - 11), "testsuite");
  EXPECT_EQ(attribute(probe, "tests"), "4") << probe;
  EXPECT_EQ(attribute(probe, "failures"), "2") << probe;
}

TEST(ProbeJunitCounts, WithoutAProbeOnlyConnectionsCount) {
  checks::Analysis a = analysis_with({});
  a.probe.reset();
  std::ostringstream out;
  write_junit(out, a, {"imapscope", "0"}, checks::Severity::kError);
  const std::string top = opening_tag(out.str(), "testsuites");
  EXPECT_EQ(attribute(top, "tests"), "1") << top;
  EXPECT_EQ(attribute(top, "failures"), "0") << top;
  EXPECT_EQ(attribute(top, "skipped"), "0") << top;
}

}  // namespace
}  // namespace imapscope::reports
