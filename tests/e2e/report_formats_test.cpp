// The report formats from the command line: -f html|sarif|junit|text|json, --color, and
// what each writer is given (--fail-on for JUnit, the transcript for HTML).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"
#include "tests/support/run_program.h"
#include "tests/support/temp_file.h"
#include "tests/support/xml_check.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

constexpr const char* kViolation = "samples/violations/expunge-during-fetch.txt";
constexpr const char* kRev1 = "samples/violations/capability-imap4rev2-missing.txt";
constexpr const char* kSyntax = "samples/violations/greeting-malformed.txt";
constexpr const char* kClean = "samples/rfc/rfc9051-section8.txt";

TEST(ReportFormats, EveryFormatIsAcceptedAndKeepsTheExitStatus) {
  for (const char* format : {"text", "json", "html", "sarif", "junit"}) {
    SCOPED_TRACE(format);
    const CommandResult r = run_imapscope({"check", "-f", format, kViolation});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_FALSE(r.out.empty());
    EXPECT_EQ(run_imapscope({"check", "--fail-on", "never", "-f", format, kViolation}).exit_code,
              0);
  }
  EXPECT_EQ(run_imapscope({"check", "-f", "pdf", kViolation}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"check", "--color", "sometimes", kViolation}).exit_code, 2);
}

TEST(ReportFormats, HtmlToAFileHasTheLadder) {
  TempFile out("", ".html");
  const CommandResult r = run_imapscope({"check", "-f", "html", "-o", out.path(), kViolation});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  const std::string page = read_file(out.path());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  // The CLI asked the checker for the transcript: the ladder is there, the EXPUNGE marked.
  EXPECT_NE(page.find("<div class=\"lrow s2c k-untagged bad-error\""), std::string::npos);
  EXPECT_NE(page.find("a4 FETCH 1:5 FLAGS"), std::string::npos);
  EXPECT_EQ(page.find("No message ladder"), std::string::npos);
}

TEST(ReportFormats, SarifPointsAtTheFileAndLine) {
  const json log = json::parse(run_imapscope({"check", "-f", "sarif", kViolation, kSyntax}).out);
  EXPECT_EQ(log["version"], "2.1.0");
  const json& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  const json& loc = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], kViolation);
  EXPECT_EQ(loc["region"]["startLine"], 23);
  const json& syntax = results[1]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(syntax["startLine"], 6);
  EXPECT_EQ(syntax["startColumn"], 8);  // "S: * OK[": the '[' is the file's 8th column
}

TEST(ReportFormats, JunitFollowsFailOn) {
  CommandResult r = run_imapscope({"check", "-f", "junit", kRev1});  // a warning only
  EXPECT_EQ(r.exit_code, 0);
  XmlDocument doc = parse_xml(r.out);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.root.attr("failures"), "0");
  r = run_imapscope({"check", "-f", "junit", "--fail-on", "warning", kRev1});
  EXPECT_EQ(r.exit_code, 1);
  doc = parse_xml(r.out);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.root.attr("failures"), "1");
  const XmlElement* failure = doc.root.child("testsuite")->child("testcase")->child("failure");
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->attr("type"), "capability.imap4rev2-missing");
}

TEST(ReportFormats, JunitIsValidForXmllint) {
  const std::string xmllint = find_program("xmllint");
  if (xmllint.empty()) GTEST_SKIP() << "xmllint not installed (Debian package libxml2-utils)";
  TempFile hostile(
      "S: * OK [CAPABILITY IMAP4rev2] <b>&amp;\"hi\" \x01\xff ]]>\n"
      "C: a1 <script>\x02\n"
      "S: a1 BAD <no>\n");
  TempFile out("", ".xml");
  run_imapscope({"check", "-f", "junit", "-o", out.path(), kViolation, kClean, hostile.path()});
  TempFile so("", ".out"), se("", ".err");
  EXPECT_EQ(run_program({xmllint, "--noout", out.path()}, so.path(), se.path()), 0)
      << read_file(se.path());
  EXPECT_TRUE(parse_xml(read_file(out.path())).ok);
}

TEST(ReportFormats, TextColorsOnlyWhenAskedOrOnATerminal) {
  // Standard output is a file here, so "auto" means no color.
  EXPECT_EQ(run_imapscope({"check", kViolation}).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(run_imapscope({"check", "--color", "auto", kViolation}).out.find('\x1b'),
            std::string::npos);
  EXPECT_EQ(run_imapscope({"check", "--color", "never", kViolation}).out.find('\x1b'),
            std::string::npos);
  const std::string colored = run_imapscope({"check", "--color", "always", kViolation}).out;
  EXPECT_NE(colored.find("\x1b[1;31merror:\x1b[0m"), std::string::npos) << colored;
  // Other formats are never colored.
  EXPECT_EQ(
      run_imapscope({"check", "--color", "always", "-f", "json", kViolation}).out.find('\x1b'),
      std::string::npos);
}

TEST(ReportFormats, TextShowsACaretUnderASyntaxError) {
  const std::string out = run_imapscope({"check", kSyntax}).out;
  EXPECT_NE(out.find("      S: * OK[CAPABILITY IMAP4rev2 AUTH=PLAIN] IMAP4rev2 server ready\n"
                     "             ^\n"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace imapscope::testing
