#include "analyzer/message.h"

#include <gtest/gtest.h>

#include <string>

namespace imapscope::analyzer {
namespace {

// A one-line message holding `text` (built by hand: excerpt() needs no framer).
Message one_line(std::string text) {
  Message m;
  m.text = std::move(text);
  m.lines.push_back(Line{0, m.text.size(), 0, false, false});
  return m;
}

TEST(Excerpt, PlainLine) {
  const Message m = one_line("a1 NOOP");
  EXPECT_EQ(excerpt(m, true), "a1 NOOP");
  EXPECT_EQ(excerpt(m, false), "a1 NOOP");
}

TEST(Excerpt, EmptyMessage) {
  EXPECT_EQ(excerpt(Message{}, true), "");
  EXPECT_EQ(excerpt(one_line(""), true), "");
}

// A report shows one line per violation, so control bytes must not break it.
TEST(Excerpt, ControlBytesAreEscaped) {
  const Message m = one_line(std::string("a1 X \x01\t\x7f\r\0z", 11));
  EXPECT_EQ(excerpt(m, false), "a1 X \\x01\\x09\\x7f\\x0d\\x00z");
}

TEST(Excerpt, EightBitBytesAreKept) {
  const Message m = one_line("a1 SELECT \xc3\xa9t\xc3\xa9");
  EXPECT_EQ(excerpt(m, false), "a1 SELECT \xc3\xa9t\xc3\xa9");
}

TEST(Excerpt, LongLineIsTruncatedWithEllipsis) {
  const Message m = one_line("a1 SEARCH TEXT hello");
  EXPECT_EQ(excerpt(m, false, 10), "a1 SEARCH ...");
  EXPECT_EQ(excerpt(m, false, 20), "a1 SEARCH TEXT hello");
  EXPECT_EQ(excerpt(m, false, 19), "a1 SEARCH TEXT hell...");

  const Message big = one_line(std::string(1000, 'x'));
  const std::string e = excerpt(big, false);
  EXPECT_EQ(e, std::string(160, 'x') + "...");
}

// A line the framer cut keeps its ending "...", even when all it kept fits.
TEST(Excerpt, FramerTruncatedLineShowsEllipsis) {
  Message m = one_line("a1 APPEND");
  m.lines[0].truncated = true;
  EXPECT_EQ(excerpt(m, false), "a1 APPEND...");
}

TEST(Excerpt, OnlyTheFirstLineIsShown) {
  Message m;
  m.text = "a1 LOGIN {4} x";
  m.lines.push_back(Line{0, 12, 0, false, false});
  m.lines.push_back(Line{12, 14, 18, false, false});
  EXPECT_EQ(excerpt(m, false), "a1 LOGIN {4}");
}

TEST(Excerpt, RedactionsReplaceTheirRange) {
  Message m = one_line("a1 LOGIN fred secret more");
  m.redactions.emplace_back(14, 20);
  EXPECT_EQ(excerpt(m, true), "a1 LOGIN fred *** more");
  EXPECT_EQ(excerpt(m, false), "a1 LOGIN fred secret more");
  // An empty range hides nothing.
  Message empty = one_line("a1 LOGIN fred secret");
  empty.redactions.emplace_back(14, 14);
  EXPECT_EQ(excerpt(empty, true), "a1 LOGIN fred secret");
}

TEST(MessageLines, LineTextAndFirstLine) {
  Message m;
  EXPECT_EQ(m.first_line(), "");
  m.text = "abcdef";
  m.lines.push_back(Line{0, 2, 0, false, false});
  m.lines.push_back(Line{2, 6, 10, false, false});
  EXPECT_EQ(m.first_line(), "ab");
  EXPECT_EQ(m.line_text(1), "cdef");
}

}  // namespace
}  // namespace imapscope::analyzer
