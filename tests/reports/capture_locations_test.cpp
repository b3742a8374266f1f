// SARIF and JUnit for a capture, which has packets instead of lines: the SARIF result names
// the packet in its message and properties and points at the capture file without a region;
// JUnit has the capture as one test suite with a test case per connection.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/xml_check.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

TEST(CaptureLocations, SarifNamesThePacket) {
  const checks::Analysis a = check_samples({"samples/dovecot/idle.pcap"});
  ASSERT_FALSE(a.violations.empty());
  std::ostringstream out;
  reports::write_sarif(out, a, kTestTool);
  const json results = json::parse(out.str())["runs"][0]["results"];
  ASSERT_EQ(results.size(), a.violations.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    const checks::Violation& v = a.violations[i];
    ASSERT_NE(v.packet, 0u);
    const json& r = results[i];
    const std::string text = r["message"]["text"];
    EXPECT_NE(text.find(" at packet " + std::to_string(v.packet)), std::string::npos) << text;
    EXPECT_EQ(r["properties"]["packet"], v.packet);
    const json& physical = r["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"]["uri"], "samples/dovecot/idle.pcap");
    EXPECT_FALSE(physical.contains("region"));
  }
}

TEST(CaptureLocations, JunitSuitePerCaptureCasePerConnection) {
  const checks::Analysis a = check_samples({"samples/dovecot/idle.pcap"});
  std::ostringstream out;
  reports::write_junit(out, a, kTestTool, checks::Severity::kWarning);
  const XmlDocument doc = parse_xml(out.str());
  ASSERT_TRUE(doc.ok) << doc.error;
  const auto suites = doc.root.all("testsuite");
  ASSERT_EQ(suites.size(), 1u);
  EXPECT_EQ(suites[0]->attr("name"), "samples/dovecot/idle.pcap");
  EXPECT_EQ(suites[0]->all("testcase").size(), a.connections.size());
  EXPECT_EQ(suites[0]->attr("tests"), std::to_string(a.connections.size()));
  std::size_t failures = 0;
  for (const XmlElement* c : suites[0]->all("testcase"))
    failures += c->all("failure").size();
  std::size_t at_or_above = 0;
  for (const checks::Violation& v : a.violations)
    if (v.severity != checks::Severity::kInfo) ++at_or_above;
  EXPECT_EQ(failures, at_or_above);
}

}  // namespace
}  // namespace imapscope::testing
