// The HTML report as a person sees it: headless Chromium loads it from disk (scripts on,
// nothing fetched), and the DOM it ends with must show the summary counts and every
// violation; a screenshot goes to the artifact directory for a human to look at.
//
// Skipped when Chromium is not installed (.ci/run installs Debian's chromium). Artifacts go
// to $IMAPSCOPE_ARTIFACT_DIR, else to artifacts/ in the build directory.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/support/run_command.h"
#include "tests/support/run_program.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kInputs = {"samples/violations/expunge-during-fetch.txt",
                                          "samples/rfc/rfc9051-section8.txt",
                                          "samples/violations/greeting-malformed.txt"};

fs::path artifact_dir() {
  const char* env = std::getenv("IMAPSCOPE_ARTIFACT_DIR");
  const fs::path dir = env != nullptr && *env != '\0'
                           ? fs::path(env)
                           : fs::path(IMAPSCOPE_BINARY).parent_path().parent_path() / "artifacts";
  fs::create_directories(dir);
  return fs::absolute(dir);
}

class HtmlBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_program("chromium");
    if (chromium_.empty()) chromium_ = find_program("chromium-browser");
    if (chromium_.empty()) GTEST_SKIP() << "chromium not installed (apt-get install chromium)";
    // One file per test: ctest runs them in parallel. The screenshot's page is report.html.
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    report_ = artifact_dir() / (test == "Screenshot" ? "report.html" : "report-" + test + ".html");
    std::vector<std::string> args{"check", "--fail-on", "never",         "-f",
                                  "html",  "-o",        report_.string()};
    args.insert(args.end(), kInputs.begin(), kInputs.end());
    ASSERT_EQ(run_imapscope(args).exit_code, 0);
    args = {"check", "-f", "json"};
    args.insert(args.end(), kInputs.begin(), kInputs.end());
    expected_ = json::parse(run_imapscope(args).out);
  }

  // Runs headless Chromium on the report, bounded in time, with a fresh profile and
  // everything that would reach the network turned off.
  int chromium(const std::vector<std::string>& extra, std::string& out, std::string& err) {
    TempFile scratch("", "profile-marker");
    std::vector<std::string> args{"timeout",
                                  "60",
                                  chromium_,
                                  "--headless",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-dev-shm-usage",
                                  "--no-first-run",
                                  "--disable-background-networking",
                                  "--disable-component-update",
                                  "--disable-sync",
                                  "--user-data-dir=" + scratch.dir() + "/profile"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("file://" + report_.string());
    const std::string out_path = scratch.dir() + "/stdout", err_path = scratch.dir() + "/stderr";
    const int status = run_program(args, out_path, err_path);
    out = read_file(out_path);
    err = read_file(err_path);
    return status;
  }

  std::string chromium_;
  fs::path report_;
  json expected_;
};

std::size_t count_matches(const std::string& s, const std::regex& re) {
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(s.begin(), s.end(), re), std::sregex_iterator()));
}

TEST_F(HtmlBrowser, RenderedDomShowsTheSummaryAndEveryViolation) {
  std::string dom, err;
  ASSERT_EQ(chromium({"--dump-dom"}, dom, err), 0) << err;
  ASSERT_FALSE(dom.empty()) << err;
  // The script ran to its end: it marks the page, and shows the filters.
  EXPECT_TRUE(std::regex_search(dom, std::regex("<html[^>]* data-js=\"ready\"")))
      << dom.substr(0, 400);
  EXPECT_NE(dom.find("id=\"filters\" class=\"filters\""), std::string::npos);
  EXPECT_TRUE(std::regex_search(dom, std::regex("showing \\d+ of \\d+ listed violations")));

  const json& summary = expected_["summary"];
  auto card = [&](const char* id) {
    std::smatch m;
    const std::regex re(std::string("id=\"count-") + id + "\" data-count=\"(\\d+)\"");
    return std::regex_search(dom, m, re) ? std::stoul(m[1]) : ~0ul;
  };
  EXPECT_EQ(card("inputs"), expected_["inputs"].size());
  EXPECT_EQ(card("connections"), expected_["connections"].size());
  EXPECT_EQ(card("errors"), summary["errors"].get<std::size_t>());
  EXPECT_EQ(card("warnings"), summary["warnings"].get<std::size_t>());
  EXPECT_EQ(card("info"), summary["info"].get<std::size_t>());

  // Every violation: a row in the list, a detail with its rule, and (all have a location
  // here) a mark on the ladder, each carrying data-rule.
  const std::size_t n = expected_["violations"].size();
  ASSERT_GE(n, 2u);
  EXPECT_EQ(count_matches(dom, std::regex("<tr class=\"v\"[^>]* data-rule=")), n);
  EXPECT_EQ(
      count_matches(dom, std::regex("<li class=\"v vd [^\"]*\" id=\"v\\d+\"[^>]* data-rule=")), n);
  EXPECT_EQ(count_matches(dom, std::regex("<a class=\"v mark [^\"]*\" href=\"#v\\d+\"")), n);
  std::size_t i = 0;
  for (const json& v : expected_["violations"]) {
    ++i;
    const std::string rule = v["rule"];
    const std::regex detail("<li class=\"v vd sev-" + v["severity"].get<std::string>() +
                            "\" id=\"v" + std::to_string(i) +
                            "\" data-severity=\"[a-z]+\" "
                            "data-rule=\"" +
                            std::regex_replace(rule, std::regex("\\."), "\\.") +
                            "\" data-connection=\"" + std::to_string(v["connection"].get<int>()) +
                            "\"");
    EXPECT_TRUE(std::regex_search(dom, detail)) << rule << " (violation " << i << ")";
  }
  // Each rule that fired is in the by-rule table.
  std::set<std::string> rules;
  for (const json& v : expected_["violations"])
    rules.insert(v["rule"].get<std::string>());
  for (const std::string& rule : rules)
    EXPECT_NE(dom.find("<tr class=\"rule-row\" data-rule=\"" + rule + "\""), std::string::npos);
  // The ladder drew every message of the first connection (5 commands, 19 responses).
  EXPECT_NE(dom.find("id=\"m1-24\""), std::string::npos);
  EXPECT_EQ(dom.find("id=\"m1-25\""), std::string::npos);
}

TEST_F(HtmlBrowser, FiltersHideWhatDoesNotMatch) {
  // The report plus a script that uses the filters as a reader would: one rule, then one
  // connection.
  std::string page = read_file(report_.string());
  const std::string driver =
      "<script>(function () {"
      "var d = document, r = d.getElementById('f-rule'), c = d.getElementById('f-conn');"
      "r.value = 'expunge.during-fetch'; r.dispatchEvent(new Event('change'));"
      "d.body.setAttribute('data-rule-rows', d.querySelectorAll('tr.v:not(.hidden)').length);"
      "r.value = ''; r.dispatchEvent(new Event('change'));"
      "c.value = '3'; c.dispatchEvent(new Event('change'));"
      "d.body.setAttribute('data-conn-sections',"
      "  d.querySelectorAll('section.conn:not(.hidden)').length);"
      "d.body.setAttribute('data-conn-rows', d.querySelectorAll('tr.v:not(.hidden)').length);"
      "})();</script>";
  page.insert(page.rfind("</body>"), driver);
  const fs::path original = report_;
  report_ = artifact_dir() / "report-filters-driven.html";
  {
    std::ofstream out(report_, std::ios::binary);
    out << page;
  }
  std::string dom, err;
  const int status = chromium({"--dump-dom"}, dom, err);
  report_ = original;
  ASSERT_EQ(status, 0) << err;
  std::size_t expunge = 0, in_conn3 = 0;
  for (const json& v : expected_["violations"]) {
    if (v["rule"] == "expunge.during-fetch") ++expunge;
    if (v["connection"] == 3) ++in_conn3;
  }
  ASSERT_EQ(expunge, 1u);
  EXPECT_NE(dom.find("data-rule-rows=\"1\""), std::string::npos);
  EXPECT_NE(dom.find("data-conn-sections=\"1\""), std::string::npos);
  EXPECT_NE(dom.find("data-conn-rows=\"" + std::to_string(in_conn3) + "\""), std::string::npos);
  EXPECT_NE(dom.find("showing " + std::to_string(in_conn3) + " of "), std::string::npos);
  EXPECT_TRUE(std::regex_search(dom, std::regex("<section class=\"conn hidden\" id=\"c1\"")));
  EXPECT_TRUE(std::regex_search(dom, std::regex("<section class=\"conn\" id=\"c3\"")));
}

TEST_F(HtmlBrowser, TranscriptIsDrawnWithLiteralsTagsAndInlineViolations) {
  std::string dom, err;
  ASSERT_EQ(chromium({"--dump-dom"}, dom, err), 0) << err;
  // The transcript script ran, and drew each (small) transcript from its JSON at once.
  EXPECT_TRUE(std::regex_search(dom, std::regex("<html[^>]* data-transcripts=\"ready\"")));
  EXPECT_EQ(dom.find("class=\"tanchor\""), std::string::npos) << "anchors replaced by lines";
  // Connection 1: every one of its 24 messages is a line of the transcript.
  EXPECT_NE(dom.find("<li class=\"tm c2s k-command\" id=\"t1-"), std::string::npos);
  EXPECT_NE(dom.find("id=\"t1-24\""), std::string::npos);
  EXPECT_EQ(dom.find("id=\"t1-25\""), std::string::npos);
  // Each violation (all have a message here) under its line, linked to its detail.
  const std::size_t n = expected_["violations"].size();
  EXPECT_EQ(count_matches(dom, std::regex("<div class=\"tv sev-[a-z]+\">")), n);
  for (std::size_t i = 1; i <= n; ++i) {
    EXPECT_NE(dom.find("<a class=\"rule\" href=\"#v" + std::to_string(i) + "\">"),
              std::string::npos)
        << i;
  }
  EXPECT_NE(dom.find("<a href=\"https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1\" "
                     "rel=\"noopener noreferrer\">"),
            std::string::npos);
  // RFC 9051 section 8's FETCH BODY[HEADER]: a collapsed literal block with its size.
  EXPECT_NE(dom.find("<details class=\"lit\"><summary>{342 octets}</summary><pre>"),
            std::string::npos);
  // FETCH a4 and its completion share the tag's color (in connection 1's transcript; other
  // connections have an a4 too).
  const std::size_t t1 = dom.find("id=\"transcript-1\""), t2 = dom.find("id=\"transcript-2\"");
  ASSERT_NE(t1, std::string::npos);
  ASSERT_NE(t2, std::string::npos);
  const std::string first = dom.substr(t1, t2 - t1);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first, m, std::regex("<span class=\"tag (tc\\d+)\">a4</span>")));
  EXPECT_EQ(count_matches(first, std::regex("<span class=\"tag " + m[1].str() + "\">a4</span>")),
            2u);
  // The syntax error's caret, under the column of the greeting where parsing failed.
  EXPECT_NE(dom.find("<div class=\"caret\">       ^</div>"), std::string::npos);
}

TEST_F(HtmlBrowser, Screenshot) {
  const fs::path png = artifact_dir() / "report.png";
  fs::remove(png);
  std::string out, err;
  ASSERT_EQ(
      chromium({"--screenshot=" + png.string(), "--window-size=1280,2000", "--hide-scrollbars"},
               out, err),
      0)
      << err;
  ASSERT_TRUE(fs::exists(png)) << err;
  const std::string bytes = read_file(png.string());
  EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_GT(bytes.size(), 50000u) << "a blank page compresses to a few kilobytes";
  std::cout << "screenshot: " << png.string() << "\n";
}

}  // namespace
}  // namespace imapscope::testing
