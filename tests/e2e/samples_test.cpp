// Runs the imapscope binary on every bundled sample, as a user would, and checks the JSON.
// samples/violations/*.txt each name in their header the rule they break and the line where
// it must be reported; samples/rfc/*.txt and the real Dovecot sessions in samples/dovecot/
// must give no errors.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/support/run_command.h"

namespace imapscope::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> sample_files(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(fs::path(IMAPSCOPE_SOURCE_DIR) / dir)) {
    if (entry.path().extension() == ext)
      out.push_back((fs::path(dir) / entry.path().filename()).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Expectation {
  std::string rule;
  std::uint64_t line = 0;
  std::set<std::string> also;
  std::set<std::string> known_deviations;  // findings a published example really has
};

Expectation read_expectation(const std::string& path) {
  std::ifstream in(fs::path(IMAPSCOPE_SOURCE_DIR) / path);
  Expectation e;
  std::string text;
  const std::regex rule("# rule: (\\S+)"), line("# expect-line: (\\d+)"), also("# also: (\\S+).*"),
      known("# known-deviation: (\\S+)");
  std::smatch m;
  while (std::getline(in, text)) {
    if (std::regex_match(text, m, rule)) e.rule = m[1];
    if (std::regex_match(text, m, line)) e.line = std::stoull(m[1]);
    if (std::regex_match(text, m, also)) e.also.insert(m[1]);
    if (std::regex_match(text, m, known)) e.known_deviations.insert(m[1]);
  }
  return e;
}

json check_json(const std::string& path, CommandResult& r) {
  r = run_imapscope({"check", "-f", "json", path});
  EXPECT_TRUE(r.err.empty()) << r.err;
  return json::parse(r.out);
}

TEST(Samples, ViolationSamplesReportTheirRuleAtTheirLine) {
  const auto files = sample_files("samples/violations", ".txt");
  ASSERT_GE(files.size(), 15u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    const Expectation e = read_expectation(path);
    ASSERT_FALSE(e.rule.empty()) << "no '# rule:' header";
    CommandResult r;
    const json report = check_json(path, r);
    bool found = false;
    bool any_error = false;
    for (const json& v : report["violations"]) {
      const std::string rule = v["rule"];
      any_error = any_error || v["severity"] == "error";
      if (rule == e.rule && v["line"] == e.line) found = true;
      if (rule != e.rule && v["severity"] == "error") {
        EXPECT_TRUE(e.also.count(rule)) << "unexpected " << rule << " at line " << v["line"];
      }
    }
    EXPECT_TRUE(found) << e.rule << " not reported at line " << e.line << ":\n"
                       << report["violations"].dump(1);
    EXPECT_EQ(r.exit_code, any_error ? 1 : 0);
  }
}

TEST(Samples, RfcExamplesHaveNoErrors) {
  const auto files = sample_files("samples/rfc", ".txt");
  ASSERT_GE(files.size(), 4u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    const Expectation e = read_expectation(path);
    CommandResult r;
    const json report = check_json(path, r);
    std::set<std::string> seen;
    for (const json& v : report["violations"]) {
      const std::string rule = v["rule"];
      seen.insert(rule);
      if (v["severity"] == "error") {
        EXPECT_TRUE(e.known_deviations.count(rule)) << rule << " at line " << v["line"];
      }
    }
    for (const std::string& rule : e.known_deviations) {
      EXPECT_TRUE(seen.count(rule)) << "documented deviation " << rule << " not reported";
    }
    EXPECT_EQ(r.exit_code, e.known_deviations.empty() ? 0 : 1);
    ASSERT_EQ(report["connections"].size(), 1u);
    EXPECT_EQ(report["connections"][0]["final_state"], "logout");
  }
}

TEST(Samples, RealDovecotRawlogsHaveNoErrors) {
  const auto files = sample_files("samples/dovecot", ".in");
  ASSERT_GE(files.size(), 8u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    CommandResult r;
    const json report = check_json(path, r);
    EXPECT_EQ(report["inputs"][0]["kind"], "rawlog");
    EXPECT_EQ(report["summary"]["errors"], 0) << report["violations"].dump(1);
    // Only a log that is TLS from its first byte (implicit TLS) has no IMAP to decode.
    if (report["connections"][0]["tls"] != "implicit") {
      EXPECT_GT(report["connections"][0]["responses"].get<int>(), 0);
    }
  }
}

// Dovecot 2.3 offers IMAP4rev1 only: a warning under the default profile, never an error.
TEST(Samples, DovecotIsWarnedForMissingImap4rev2) {
  CommandResult r;
  const json report = check_json("samples/dovecot/imaplib-basic.in", r);
  bool warned = false;
  for (const json& v : report["violations"]) {
    if (v["rule"] == "capability.imap4rev2-missing") warned = v["severity"] == "warning";
  }
  EXPECT_TRUE(warned);
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Samples, StarttlsRawlogStopsAtTheTlsHandshake) {
  CommandResult r;
  const json report = check_json("samples/dovecot/starttls.prelogin.in", r);
  EXPECT_EQ(report["connections"][0]["tls"], "starttls");
  EXPECT_EQ(report["summary"]["errors"], 0);
}

}  // namespace
}  // namespace imapscope::testing
