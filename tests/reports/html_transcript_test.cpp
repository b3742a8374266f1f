// The HTML report's transcript view: each connection's messages embedded as JSON (drawn by the
// page's script when opened), every line, literals with their sizes, tags colored alike for a
// command and its completion, violations placed under their message and linked from the
// summary, hostile bytes unable to leave the data block, and a byte cap with a note.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

std::string html(const checks::Analysis& a, const reports::HtmlOptions& options = {}) {
  std::ostringstream out;
  reports::write_html(out, a, kTestTool, options);
  return out.str();
}

// The embedded data of connection `id`; null when the page has none.
json transcript_data(const std::string& page, std::uint32_t id) {
  const std::string open = "<script type=\"application/json\" id=\"transcript-data\">";
  const std::size_t b = page.find(open);
  if (b == std::string::npos) return nullptr;
  const std::size_t e = page.find("</script>", b);
  const json all = json::parse(page.substr(b + open.size(), e - b - open.size()));
  const std::string key = std::to_string(id);
  return all.contains(key) ? all[key] : json(nullptr);
}

checks::Analysis check_text(const std::string& text) {
  TempFile file(text);
  checks::CheckOptions options;
  options.collect_transcript = true;
  checks::CheckResult r = checks::check_inputs({file.path()}, options);
  EXPECT_FALSE(r.error.has_value());
  return std::move(r.analysis);
}

TEST(HtmlTranscript, EmbedsEveryMessageWithLiteralsAndPlacedViolations) {
  const checks::Analysis a = check_samples(
      {"samples/rfc/rfc9051-section8.txt", "samples/violations/expunge-during-fetch.txt"}, true);
  const std::string page = html(a);
  ASSERT_EQ(a.connections.size(), 2u);

  const json first = transcript_data(page, 1);
  ASSERT_TRUE(first.is_object());
  EXPECT_EQ(first["c"], 1);
  ASSERT_EQ(first["m"].size(), a.connections[0].transcript.messages.size());
  // RFC 9051 §8's FETCH BODY[HEADER] response: its {342} literal, kept in part.
  bool found = false;
  for (const json& m : first["m"]) {
    if (!m.contains("l")) continue;
    for (const json& l : m["l"]) {
      if (l["n"] != 342) continue;
      found = true;
      EXPECT_EQ(m["d"], "S");
      EXPECT_EQ(l["k"], 342);  // all of it (under the head limit)
      EXPECT_NE(l["t"].get<std::string>().find("\nSubject: "), std::string::npos) << l;
      EXPECT_EQ(l["t"].get<std::string>().find('\r'), std::string::npos);
    }
  }
  EXPECT_TRUE(found);

  // Connection 2: the EXPUNGE during FETCH a4 sits under message 17 (file line 23).
  const json second = transcript_data(page, 2);
  ASSERT_TRUE(second.is_object());
  ASSERT_EQ(second["v"].size(), 1u);
  const json& v = second["v"][0];
  EXPECT_EQ(v["r"], "expunge.during-fetch");
  EXPECT_EQ(v["s"], "error");
  EXPECT_EQ(v["c"][1][1], "https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1");
  std::size_t with_violation = 0;
  for (std::size_t i = 0; i < second["m"].size(); ++i) {
    const json& m = second["m"][i];
    if (!m.contains("v")) continue;
    ++with_violation;
    EXPECT_EQ(m["n"], 23);
    EXPECT_EQ(m["x"][0], "* 3 EXPUNGE");
    // The summary links to it, and so does the violation's detail.
    const std::string place = "#t2-" + std::to_string(i + 1);
    EXPECT_NE(page.find("<a class=\"tplace\" href=\"" + place + "\"><code>"), std::string::npos);
    EXPECT_NE(page.find("<a class=\"tplace\" href=\"" + place + "\">in the transcript</a>"),
              std::string::npos);
    // Without the script the link lands on an anchor in the transcript's box.
    EXPECT_NE(page.find("<span class=\"tanchor\" id=\"t2-" + std::to_string(i + 1) + "\">"),
              std::string::npos);
  }
  EXPECT_EQ(with_violation, 1u);

  // Tags: a command and its completion share a color; another tag may differ.
  std::map<std::string, std::set<int>> colors;
  for (const json& m : second["m"]) {
    if (m.contains("g")) colors[m["g"].get<std::string>()].insert(m["h"].get<int>());
  }
  ASSERT_TRUE(colors.count("a4"));
  for (const auto& [tag, c] : colors)
    EXPECT_EQ(c.size(), 1u) << tag;
}

TEST(HtmlTranscript, SyntaxErrorsGetACaretColumn) {
  const checks::Analysis a = check_samples({"samples/violations/greeting-malformed.txt"}, true);
  const json data = transcript_data(html(a), 1);
  ASSERT_TRUE(data.is_object());
  bool caret = false;
  for (const json& m : data["m"]) {
    if (m.contains("col")) {
      caret = true;
      EXPECT_EQ(m["col"], 4);  // "* OK[": after "* OK"
    }
  }
  EXPECT_TRUE(caret);
}

TEST(HtmlTranscript, HostileBytesStayInsideTheDataBlock) {
  const checks::Analysis a = check_text(
      "S: * OK [CAPABILITY IMAP4rev2] hi\n"
      "C: a1 SELECT \"</script><script>alert(1)</script><!--\"\n"
      "S: a1 NO \xff\xfe </details>\n"
      "C: a2 APPEND INBOX {18}\n"
      "S: + go\n"
      "C: </script><!-- \x01\xff\n"
      "C:\n"
      "S: a2 OK done\n");
  const std::string page = html(a);
  const std::size_t b = page.find("id=\"transcript-data\">");
  ASSERT_NE(b, std::string::npos);
  const std::size_t e = page.find("</script>", b);
  const std::string block = page.substr(b, e - b);
  EXPECT_EQ(block.find('<'), std::string::npos) << block;
  const json data = transcript_data(page, 1);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["m"][1]["x"][0], "a1 SELECT \"</script><script>alert(1)</script><!--\"");
  EXPECT_EQ(data["m"][2]["x"][0], "a1 NO \xEF\xBF\xBD\xEF\xBF\xBD </details>");
  bool literal = false;
  for (const json& m : data["m"]) {
    if (!m.contains("l")) continue;
    literal = true;
    EXPECT_EQ(m["l"][0]["t"], "</script><!-- \\x01\xEF\xBF\xBD\n");
  }
  EXPECT_TRUE(literal);
}

TEST(HtmlTranscript, ByteCapLeavesConnectionsOutWithANote) {
  const checks::Analysis a = check_samples(
      {"samples/violations/expunge-during-fetch.txt", "samples/rfc/rfc9051-section8.txt"}, true);
  reports::HtmlOptions options;
  const std::string full = html(a, options);
  const std::size_t first = transcript_data(full, 1).dump().size();
  options.max_transcript_bytes = first + 100;  // room for connection 1 only
  const std::string capped = html(a, options);
  EXPECT_TRUE(transcript_data(capped, 1).is_object());
  EXPECT_TRUE(transcript_data(capped, 2).is_null());
  EXPECT_NE(capped.find("<p class=\"note transcript-left-out\">Transcript not embedded"),
            std::string::npos);
  options.max_transcript_bytes = 10;
  const std::string none = html(a, options);
  EXPECT_TRUE(transcript_data(none, 1).is_null());
  // The violation is still listed; it just links nowhere in a transcript.
  EXPECT_EQ(none.find("class=\"tplace\""), std::string::npos);
  EXPECT_NE(none.find("expunge.during-fetch"), std::string::npos);
}

TEST(HtmlTranscript, NoneWithoutARecordedTranscript) {
  const checks::Analysis a = check_samples({"samples/violations/expunge-during-fetch.txt"}, false);
  const std::string page = html(a);
  EXPECT_EQ(page.find("class=\"transcript-box\""), std::string::npos);
  EXPECT_EQ(page.find("type=\"application/json\""), std::string::npos);
}

}  // namespace
}  // namespace imapscope::testing
