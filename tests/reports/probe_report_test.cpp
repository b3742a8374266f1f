// The probe section of the reports, written from a probe summary.
#include "reports/probe_report.h"

#include <gtest/gtest.h>

#include <sstream>

#include "reports/report.h"

namespace imapscope::reports {
namespace {

checks::Analysis probe_analysis() {
  checks::Analysis a;
  a.inputs.push_back({"imap://alice@127.0.0.1:143", "probe", ""});
  checks::ProbeSummary p;
  p.target = "imap://alice@127.0.0.1:143";
  p.greeting = "* OK ready";
  p.tls_version = "TLSv1.3";
  p.tls_cipher = "TLS_AES_256_GCM_SHA384";
  p.tls_subject = "CN=localhost";
  p.scenarios.push_back(
      {"noop", "RFC 9051 §6.1.2", checks::ScenarioResult::Outcome::kPass, "", 1500});
  p.scenarios.push_back({"append.trycreate", "RFC 9051 §6.3.12",
                         checks::ScenarioResult::Outcome::kFail,
                         "expected NO to 'p5 APPEND <x>', the server said 'p5 OK'", 2000});
  p.scenarios.push_back({"move.messages", "RFC 9051 §6.4.8",
                         checks::ScenarioResult::Outcome::kSkipped,
                         "the server does not offer MOVE|IMAP4rev2", 0});
  a.probe = p;
  checks::Violation v;
  v.rule = "logout.bye-missing";
  v.rfc = "RFC 9051 §6.1.3";
  a.violations.push_back(v);
  return a;
}

TEST(ProbeReport, TextListsScenariosAndTheConformanceLine) {
  std::ostringstream out;
  write_text(out, probe_analysis());
  const std::string text = out.str();
  EXPECT_NE(text.find("  pass  noop  (RFC 9051 §6.1.2, 1.5 ms)"), std::string::npos) << text;
  EXPECT_NE(text.find("  fail  append.trycreate"), std::string::npos) << text;
  EXPECT_NE(text.find("the server said 'p5 OK'"), std::string::npos) << text;
  EXPECT_NE(text.find("  skipped  move.messages"), std::string::npos) << text;
  EXPECT_NE(text.find("1 of 2 scenarios passed (1 skipped); violations: 1 errors, 0 warnings, "
                      "0 info (RFC 9051 §6: 1)"),
            std::string::npos)
      << text;
}

TEST(ProbeReport, JsonJunitAndHtmlCarryTheScenarios) {
  const checks::Analysis a = probe_analysis();
  std::ostringstream json;
  write_json(json, a, {"imapscope", "0"});
  const auto j = nlohmann::json::parse(json.str());
  EXPECT_EQ(j["probe"]["failed"], 1);
  EXPECT_EQ(j["probe"]["scenarios"][2]["outcome"], "skipped");
  EXPECT_EQ(j["probe"]["tls_subject"], "CN=localhost");
  EXPECT_TRUE(j["probe"]["id"].is_null());
  std::ostringstream junit;
  write_junit(junit, a, {"imapscope", "0"}, checks::Severity::kError);
  EXPECT_NE(junit.str().find("<testcase name=\"append.trycreate\" classname=\"imapscope.probe\""),
            std::string::npos)
      << junit.str();
  EXPECT_NE(junit.str().find("<failure message=\"expected NO to &#39;p5 APPEND &lt;x&gt;&#39;"),
            std::string::npos)
      << junit.str();
  EXPECT_NE(junit.str().find("<skipped message=\"the server does not offer"), std::string::npos);
  const std::string html = probe_html(a);
  EXPECT_NE(html.find("<td>append.trycreate</td><td>fail</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("p5 APPEND &lt;x&gt;"), std::string::npos) << html;
}

}  // namespace
}  // namespace imapscope::reports
