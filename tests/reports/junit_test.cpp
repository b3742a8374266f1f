// The JUnit XML report: well-formed XML 1.0 whatever the stream held, a <testsuite> per
// input, a <testcase> per connection, failures per --fail-on, counts that add up.

#include <gtest/gtest.h>

#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/xml_check.h"

namespace imapscope::testing {
namespace {

XmlDocument junit(const checks::Analysis& a, std::optional<checks::Severity> fail_at) {
  std::ostringstream out;
  reports::write_junit(out, a, kTestTool, fail_at);
  XmlDocument doc = parse_xml(out.str());
  EXPECT_TRUE(doc.ok) << doc.error << "\n" << out.str();
  return doc;
}

std::size_t count_attr(const XmlElement& e, const char* name) {
  return std::stoul(e.attr(name));
}

TEST(Junit, ASuitePerInputACasePerConnection) {
  const XmlDocument doc = junit(hostile_analysis(), checks::Severity::kError);
  ASSERT_TRUE(doc.ok);
  const XmlElement& root = doc.root;
  EXPECT_EQ(root.name, "testsuites");
  EXPECT_EQ(count_attr(root, "tests"), 2u);
  EXPECT_EQ(count_attr(root, "failures"), 1u);
  EXPECT_EQ(count_attr(root, "errors"), 0u);
  const auto suites = root.all("testsuite");
  ASSERT_EQ(suites.size(), 2u);
  EXPECT_EQ(suites[0]->attr("name"), "samples/hostile session.txt");
  EXPECT_EQ(suites[1]->attr("name"), "/var/log/rawlog/s1.in");
  std::size_t tests = 0, failures = 0;
  for (const XmlElement* s : suites) {
    const auto cases = s->all("testcase");
    EXPECT_EQ(count_attr(*s, "tests"), cases.size());
    std::size_t failed = 0;
    for (const XmlElement* c : cases)
      if (!c->all("failure").empty()) ++failed;
    EXPECT_EQ(count_attr(*s, "failures"), failed);
    tests += cases.size();
    failures += failed;
  }
  EXPECT_EQ(tests, count_attr(root, "tests"));
  EXPECT_EQ(failures, count_attr(root, "failures"));

  const XmlElement& c1 = *suites[0]->child("testcase");
  EXPECT_EQ(c1.attr("name"), "connection 1 (samples/hostile session.txt)");
  const auto fails = c1.all("failure");
  ASSERT_EQ(fails.size(), 2u);  // the two errors; the warning is below --fail-on error
  EXPECT_EQ(fails[0]->attr("type"), "syntax.command");
  EXPECT_EQ(fails[1]->attr("type"), "expunge.during-fetch");
  EXPECT_NE(fails[1]->attr("message").find("[expunge.during-fetch] EXPUNGE of message 3"),
            std::string::npos);
  EXPECT_NE(fails[1]->text.find("samples/hostile session.txt:4: error:"), std::string::npos);
  EXPECT_NE(fails[1]->text.find("S: * 3 EXPUNGE"), std::string::npos);
  EXPECT_NE(fails[1]->text.find("https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1"),
            std::string::npos);
  const XmlElement* out = c1.child("system-out");
  ASSERT_NE(out, nullptr);
  EXPECT_NE(out->text.find("below --fail-on error"), std::string::npos);
  EXPECT_NE(out->text.find("[command.never-completed]"), std::string::npos);

  const XmlElement& c2 = *suites[1]->child("testcase");
  EXPECT_EQ(c2.attr("name"),
            "connection 2 (/var/log/rawlog/s1.in, 192.0.2.1:50000 -> 192.0.2.2:143)");
  EXPECT_TRUE(c2.all("failure").empty());
  EXPECT_NE(c2.child("system-out")->text.find("/var/log/rawlog/s1.out:1: warning:"),
            std::string::npos);
  EXPECT_NE(c2.child("system-out")->text.find("then TLS (starttls"), std::string::npos);
  EXPECT_NE(
      c2.child("system-out")
          ->text.find(
              "capture: packet 9: gap in the server stream: 100 bytes are not in the capture"),
      std::string::npos);
  // The input's own problems: the suite's <system-out>.
  const XmlElement* suite_out = suites[1]->child("system-out");
  ASSERT_NE(suite_out, nullptr);
  EXPECT_EQ(suite_out->text,
            "capture: packet 12: corrupt: record longer than the snapshot length\n");
}

TEST(Junit, FailOnFollowsTheThreshold) {
  XmlDocument doc = junit(hostile_analysis(), checks::Severity::kWarning);
  EXPECT_EQ(count_attr(doc.root, "failures"), 2u);
  EXPECT_EQ(doc.root.all("testsuite")[0]->child("testcase")->all("failure").size(), 3u);
  doc = junit(hostile_analysis(), std::nullopt);  // --fail-on never
  EXPECT_EQ(count_attr(doc.root, "failures"), 0u);
  for (const XmlElement* s : doc.root.all("testsuite")) {
    for (const XmlElement* c : s->all("testcase"))
      EXPECT_TRUE(c->all("failure").empty());
  }
  EXPECT_NE(doc.root.all("testsuite")[0]
                ->child("testcase")
                ->child("system-out")
                ->text.find("below --fail-on never"),
            std::string::npos);
}

TEST(Junit, HostileBytesAreEscapedOrReplaced) {
  std::ostringstream out;
  reports::write_junit(out, hostile_analysis(), kTestTool, checks::Severity::kError);
  const std::string xml = out.str();
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
  const XmlDocument doc = parse_xml(xml);
  ASSERT_TRUE(doc.ok) << doc.error;
  const XmlElement& failure = *doc.root.child("testsuite")->child("testcase")->child("failure");
  // Decoded, the text says what the stream held: markup as text, the control byte as \x01,
  // invalid UTF-8 as U+FFFD.
  EXPECT_NE(failure.attr("message").find("<script>alert('x')</script> & \"q\" ]]> \\x01"),
            std::string::npos);
  EXPECT_NE(failure.text.find("\xEF\xBF\xBD\xEF\xBF\xBD end"), std::string::npos);
}

TEST(Junit, EmptyAnalysisIsAnEmptyButValidReport) {
  const XmlDocument doc = junit(checks::Analysis{}, checks::Severity::kError);
  ASSERT_TRUE(doc.ok);
  EXPECT_EQ(count_attr(doc.root, "tests"), 0u);
  EXPECT_TRUE(doc.root.children.empty());
}

TEST(XmlCheck, RejectsWhatIsNotWellFormed) {
  EXPECT_TRUE(parse_xml("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t &amp; &#x41;</a>\n").ok);
  EXPECT_FALSE(parse_xml("<a><b></a></b>").ok);
  EXPECT_FALSE(parse_xml("<a>x & y</a>").ok);
  EXPECT_FALSE(parse_xml("<a>x < y</a>").ok);
  EXPECT_FALSE(parse_xml("<a x=1/>").ok);
  EXPECT_FALSE(parse_xml("<a>\x01</a>").ok);
  EXPECT_FALSE(parse_xml("<a>&#1;</a>").ok);
  EXPECT_FALSE(parse_xml("<a>\xff</a>").ok);
  EXPECT_FALSE(parse_xml("<a/><b/>").ok);
  EXPECT_FALSE(parse_xml("<a>]]></a>").ok);
}

}  // namespace
}  // namespace imapscope::testing
