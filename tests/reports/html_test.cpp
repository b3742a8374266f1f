// The HTML report: self-contained (fetches nothing), escaped, every violation rendered and
// linked, the ladder marked at the right arrow, and bounded on large inputs.

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"

namespace imapscope::testing {
namespace {

std::string html(const checks::Analysis& a, const reports::HtmlOptions& options = {}) {
  std::ostringstream out;
  reports::write_html(out, a, kTestTool, options);
  return out.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// The page without its <style> and <script> bodies: what comes from the analysis.
std::string markup_only(std::string page) {
  for (const char* tag : {"style", "script"}) {
    const std::string open = std::string("<") + tag + ">", close = std::string("</") + tag + ">";
    // The first plain <script> is the page's own; data blocks (<script type=...>) are markup
    // whose content check_balanced reads as text.
    const std::size_t b = page.find(open), e = page.find(close, b);
    if (b != std::string::npos && e != std::string::npos)
      page.erase(b + open.size(), e - b - open.size());
  }
  return page;
}

// Non-void elements open and close in order (script and style bodies skipped).
std::string check_balanced(const std::string& page) {
  static const std::set<std::string> kVoid{"meta", "input", "br", "hr", "img", "link", "wbr"};
  std::vector<std::string> stack;
  const std::regex tag("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>");
  const std::string body = markup_only(page);
  for (auto it = std::sregex_iterator(body.begin(), body.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::string name = (*it)[2];
    if (kVoid.count(name)) continue;
    if ((*it)[1] == "/") {
      if (stack.empty() || stack.back() != name)
        return "</" + name + "> closes <" + (stack.empty() ? "" : stack.back()) + ">";
      stack.pop_back();
    } else {
      stack.push_back(name);
    }
  }
  return stack.empty() ? "" : "unclosed <" + stack.back() + ">";
}

TEST(Html, IsOneSelfContainedPageThatFetchesNothing) {
  const std::string page = html(hostile_analysis());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  EXPECT_EQ(check_balanced(page), "");
  // No external resource of any kind: only <a href> links (which are not fetches).
  EXPECT_EQ(page.find(" src="), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("fetch("), std::string::npos);
  EXPECT_EQ(page.find("XMLHttpRequest"), std::string::npos);
  const std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator();
       ++it) {
    const std::string url = (*it)[1];
    EXPECT_TRUE(url.rfind("#", 0) == 0 || url.rfind("https://www.rfc-editor.org/rfc/rfc", 0) == 0)
        << url;
  }
}

TEST(Html, EveryInPageLinkHasItsTarget) {
  for (const checks::Analysis& a :
       {hostile_analysis(),
        check_samples({"samples/violations/expunge-during-fetch.txt", "samples/dovecot/idle.in"},
                      true)}) {
    const std::string page = html(a);
    const std::regex link("href=\"#([^\"]+)\"");
    std::size_t links = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), link);
         it != std::sregex_iterator(); ++it, ++links)
      EXPECT_NE(page.find("id=\"" + (*it)[1].str() + "\""), std::string::npos) << (*it)[1];
    EXPECT_GT(links, 3u);
  }
}

TEST(Html, HostileTextIsEscaped) {
  const std::string page = markup_only(html(hostile_analysis()));
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"),
            std::string::npos);
  EXPECT_EQ(page.find('\x01'), std::string::npos);
  EXPECT_EQ(page.find("\xff"), std::string::npos);
  EXPECT_NE(page.find("\\x01\xEF\xBF\xBD\xEF\xBF\xBD end"), std::string::npos);
}

TEST(Html, SummaryCountsAndRulesWithTheirRfcSections) {
  const std::string page = html(hostile_analysis());
  EXPECT_NE(page.find("id=\"count-connections\" data-count=\"2\""), std::string::npos);
  EXPECT_NE(page.find("id=\"count-errors\" data-count=\"2\""), std::string::npos);
  EXPECT_NE(page.find("id=\"count-warnings\" data-count=\"2\""), std::string::npos);
  EXPECT_NE(page.find("id=\"count-info\" data-count=\"0\""), std::string::npos);
  EXPECT_NE(
      page.find("<tr class=\"rule-row\" data-rule=\"expunge.during-fetch\" data-count=\"1\">"),
      std::string::npos);
  EXPECT_NE(page.find("RFC 9051 <a href=\"https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1\""),
            std::string::npos);
  // The rule's summary from the catalog.
  EXPECT_NE(page.find(std::string(checks::find_rule("expunge.during-fetch")->info.summary)),
            std::string::npos);
  EXPECT_NE(page.find("<title>imapscope report: 2 connections, 2 errors, 2 warnings</title>"),
            std::string::npos);
}

TEST(Html, EveryViolationIsListedDetailedAndLinked) {
  const checks::Analysis a = hostile_analysis();
  const std::string page = html(a);
  EXPECT_EQ(count(page, "<tr class=\"v\""), a.violations.size());
  EXPECT_EQ(count(page, "<li class=\"v vd "), a.violations.size());
  for (std::size_t i = 1; i <= a.violations.size(); ++i) {
    const std::string id = "v" + std::to_string(i);
    EXPECT_EQ(count(page, "id=\"" + id + "\""), 1u) << id;
    EXPECT_GE(count(page, "href=\"#" + id + "\""), 1u) << id;
  }
  // The syntax error's caret, under the column, after "C: ".
  EXPECT_NE(page.find("<pre class=\"ex\">C: a1 &lt;script&gt;"), std::string::npos);
  EXPECT_NE(page.find("<span class=\"caret\">      ^</span>"), std::string::npos);
}

TEST(Html, LadderMarksTheArrowThatCausedTheViolation) {
  const std::string page = html(hostile_analysis());
  // Connection 1's fourth message (server, offset 32) is the EXPUNGE.
  const std::regex row("<div class=\"lrow s2c k-untagged bad-error\" id=\"m1-4\">.*?</div>\\n");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page, m, row));
  EXPECT_NE(m.str().find("* 3 EXPUNGE"), std::string::npos);
  EXPECT_NE(m.str().find("href=\"#v2\""), std::string::npos);
  EXPECT_NE(m.str().find("data-rule=\"expunge.during-fetch\""), std::string::npos);
  // The syntax error on the client's second message (client offset 0, not the greeting's).
  EXPECT_NE(page.find("<div class=\"lrow c2s k-unparsed bad-error\" id=\"m1-2\">"),
            std::string::npos);
  EXPECT_NE(page.find("<div class=\"lrow s2c k-greeting\" id=\"m1-1\">"), std::string::npos);
  // The whole-stream warning sits on the end of the stream.
  const std::size_t end = page.find("<div class=\"lrow end\">");
  ASSERT_NE(end, std::string::npos);
  EXPECT_NE(page.find("href=\"#v3\"", end), std::string::npos);
  // The detail links back to the arrow.
  EXPECT_NE(page.find("<a class=\"loc mono\" href=\"#m1-4\">samples/hostile session.txt:4</a>"),
            std::string::npos);
  // Connection 2 had no transcript recorded: said so.
  EXPECT_NE(page.find("No message ladder"), std::string::npos);
}

TEST(Html, CaptureProblemsAreShown) {
  const std::string page = html(hostile_analysis());
  EXPECT_NE(page.find("<div class=\"note capture-problems\" data-count=\"1\"><strong>Capture "
                      "problems of /var/log/rawlog/s1.in</strong><ul><li>packet 12: corrupt: "
                      "record longer than the snapshot length</li>"),
            std::string::npos);
  EXPECT_NE(page.find("<li>packet 9: gap in the server stream: 100 bytes are not in the capture "
                      "&lt;gap&gt;</li>"),
            std::string::npos);
}

TEST(Html, LargeInputsAreCappedWithANote) {
  checks::Analysis a = hostile_analysis();
  checks::ConnectionSummary& c = a.connections[0];
  c.transcript.omitted = 1234;
  for (std::uint64_t i = 0; i < 300; ++i) {
    c.transcript.messages.push_back(message(checks::MessageKind::kCommand,
                                            capture::Direction::kClientToServer, 100 + i, 1000 + i,
                                            "a NOOP"));
  }
  for (std::uint32_t id = 3; id < 50; ++id) {
    checks::ConnectionSummary clean;
    clean.id = id;
    clean.final_state = "logout";
    a.connections.push_back(clean);
  }
  for (int i = 0; i < 30; ++i)
    a.violations.push_back(a.violations[1]);
  reports::HtmlOptions o;
  o.max_violations = 10;
  o.max_messages = 50;
  o.max_connections = 5;
  const std::string page = html(a, o);
  EXPECT_EQ(count(page, "<tr class=\"v\""), 10u);
  EXPECT_EQ(count(page, "<li class=\"v vd "), 10u);
  EXPECT_NE(page.find("Showing the first 10 of 34 violations"), std::string::npos);
  EXPECT_NE(page.find("id=\"count-errors\" data-count=\"32\""), std::string::npos);
  EXPECT_EQ(count(page, "<div class=\"lrow c2s") + count(page, "<div class=\"lrow s2c"), 50u);
  EXPECT_NE(page.find("255 recorded messages left out of this ladder"), std::string::npos);
  EXPECT_NE(page.find("later messages are not shown"), std::string::npos);
  EXPECT_EQ(count(page, "<section class=\"conn\""), 5u);
  EXPECT_NE(page.find("44 more connections (0 with violations) not shown"), std::string::npos);
  EXPECT_EQ(check_balanced(page), "");
}

TEST(Html, ConnectionsWithViolationsComeFirstWithinTheCap) {
  checks::Analysis a = hostile_analysis();
  reports::HtmlOptions o;
  o.max_connections = 1;
  const std::string page = html(a, o);
  EXPECT_EQ(count(page, "<section class=\"conn\""), 1u);
  EXPECT_NE(page.find("1 more connection (1 with violations) not shown"), std::string::npos);
  // Every in-page link has its target.
  const std::regex link("href=\"#([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), link); it != std::sregex_iterator();
       ++it)
    EXPECT_NE(page.find("id=\"" + (*it)[1].str() + "\""), std::string::npos) << (*it)[1];
  EXPECT_EQ(check_balanced(page), "");
}

TEST(Html, RealSamplesRender) {
  const checks::Analysis a =
      check_samples({"samples/violations/expunge-during-fetch.txt",
                     "samples/rfc/rfc9051-section8.txt", "samples/dovecot/idle.in"},
                    true);
  const std::string page = html(a);
  EXPECT_EQ(check_balanced(page), "");
  EXPECT_EQ(count(page, "<li class=\"v vd "), a.violations.size());
  std::size_t messages = 0;
  for (const checks::ConnectionSummary& c : a.connections) {
    EXPECT_TRUE(c.transcript.collected);
    EXPECT_EQ(c.transcript.omitted, 0u);
    messages += c.transcript.messages.size();
  }
  EXPECT_EQ(count(page, "<div class=\"lrow c2s") + count(page, "<div class=\"lrow s2c"), messages);
  EXPECT_NE(page.find("* 3 EXPUNGE"), std::string::npos);
  EXPECT_NE(page.find("a2 LOGIN alice ***"), std::string::npos);  // redacted
  EXPECT_EQ(page.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace imapscope::testing
