// Escaping for markup and URIs, and the RFC links built from a rule's citation.

#include <gtest/gtest.h>

#include "reports/escape.h"
#include "reports/rfc_links.h"

namespace imapscope::reports {
namespace {

TEST(Escape, MarkupCharactersAndQuotes) {
  EXPECT_EQ(escape_markup("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(escape_markup("line\nnext\ttab"), "line\nnext\ttab");
  EXPECT_EQ(escape_attribute("line\nnext\ttab\r"), "line&#10;next&#9;tab&#13;");
}

TEST(Escape, ControlBytesAndInvalidUtf8) {
  EXPECT_EQ(escape_markup(std::string("a\0b\x1b[31m\x7f", 9)), "a\\x00b\\x1b[31m\\x7f");
  EXPECT_EQ(escape_markup("\xff"), "\xEF\xBF\xBD");
  EXPECT_EQ(escape_markup("\xC3\xA9"), "\xC3\xA9");                                  // é kept
  EXPECT_EQ(escape_markup("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(escape_markup("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(escape_markup("\xEF\xBF\xBE"), "\xEF\xBF\xBD");          // U+FFFE: not allowed in XML
  EXPECT_EQ(escape_markup("\xF0\x9F\x93\xA7"), "\xF0\x9F\x93\xA7");  // 📧 kept
  EXPECT_EQ(escape_markup("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated
  EXPECT_EQ(valid_utf8("ok\xff"), "ok\xEF\xBF\xBD");
}

TEST(Escape, PathsAsUris) {
  EXPECT_EQ(path_to_uri("samples/a b.txt"), "samples/a%20b.txt");
  EXPECT_EQ(path_to_uri("/var/log/x#1?.in"), "file:///var/log/x%231%3F.in");
  EXPECT_EQ(path_to_uri("caf\xC3\xA9"), "caf%C3%A9");
}

TEST(RfcLinks, SectionsBecomeRfcEditorLinks) {
  auto parts = cite_rfc_sections(
      "RFC 9051 \xC2\xA7"
      "7.5.1");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].text, "RFC 9051 ");
  EXPECT_TRUE(parts[0].url.empty());
  EXPECT_EQ(parts[1].text,
            "\xC2\xA7"
            "7.5.1");
  EXPECT_EQ(parts[1].url, "https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1");

  parts = cite_rfc_sections(
      "RFC 9051 \xC2\xA7"
      "9 (tag), \xC2\xA7"
      "2.2.1");
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[1].url, "https://www.rfc-editor.org/rfc/rfc9051#section-9");
  EXPECT_EQ(parts[2].text, " (tag), ");
  EXPECT_EQ(parts[3].url, "https://www.rfc-editor.org/rfc/rfc9051#section-2.2.1");

  parts = cite_rfc_sections(
      "RFC 9051 \xC2\xA7"
      "6.1.1, RFC 3501 \xC2\xA7"
      "6.1.1.");
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_EQ(parts[3].url, "https://www.rfc-editor.org/rfc/rfc3501#section-6.1.1");
  EXPECT_EQ(parts[4].text, ".");  // a sentence's full stop is not part of the section

  parts = cite_rfc_sections(
      "9051 \xC2\xA7"
      "6.1.1, 3501 \xC2\xA7"
      "6.1.1");
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[1].url, "https://www.rfc-editor.org/rfc/rfc9051#section-6.1.1");
  EXPECT_EQ(parts[3].url, "https://www.rfc-editor.org/rfc/rfc3501#section-6.1.1");

  std::string joined;
  for (const CitationPart& p : cite_rfc_sections("RFC 9051 \xC2\xA7"
                                                 "3, \xC2\xA7"
                                                 "6"))
    joined += p.text;
  EXPECT_EQ(joined,
            "RFC 9051 \xC2\xA7"
            "3, \xC2\xA7"
            "6");
}

TEST(RfcLinks, FirstUrlAndNothingToLink) {
  EXPECT_EQ(first_rfc_url("RFC 9051 \xC2\xA7"
                          "2.2, \xC2\xA7"
                          "7.1"),
            "https://www.rfc-editor.org/rfc/rfc9051#section-2.2");
  EXPECT_EQ(first_rfc_url("RFC 7888"), "https://www.rfc-editor.org/rfc/rfc7888");
  EXPECT_EQ(first_rfc_url("no citation"), "");
  const auto parts = cite_rfc_sections(
      "\xC2\xA7"
      "5 without an RFC");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_TRUE(parts[0].url.empty());
}

}  // namespace
}  // namespace imapscope::reports
