// The terminal report: compiler-style lines, a caret under a syntax error's column, colors
// only when asked for (--color, NO_COLOR).

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "reports/report.h"
#include "reports/terminal_style.h"
#include "tests/reports/report_fixture.h"

namespace imapscope::testing {
namespace {

std::string text(const checks::Analysis& a, bool color) {
  std::ostringstream out;
  reports::write_text(out, a, {.color = color});
  return out.str();
}

TEST(TextReport, CaretPointsAtTheColumnLikeACompiler) {
  const std::string out = text(check_samples({"samples/violations/greeting-malformed.txt"}), false);
  EXPECT_NE(out.find("      S: * OK[CAPABILITY IMAP4rev2 AUTH=PLAIN] IMAP4rev2 server ready\n"
                     "             ^\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(TextReport, ColorsOnlyWhenAsked) {
  const checks::Analysis a = check_samples({"samples/violations/greeting-malformed.txt"});
  const std::string plain = text(a, false);
  const std::string color = text(a, true);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(color.find("\x1b[1;31merror:\x1b[0m"), std::string::npos) << color;
  EXPECT_NE(color.find("\x1b[1msamples/violations/greeting-malformed.txt:6:5:\x1b[0m"),
            std::string::npos);
  EXPECT_NE(color.find("\x1b[1;32m             ^\x1b[0m"), std::string::npos);
  EXPECT_NE(color.find("\x1b[1;31m1 error\x1b[0m, 0 warnings"), std::string::npos);
  // Without the escape sequences, the same text.
  std::string stripped;
  for (std::size_t i = 0; i < color.size(); ++i) {
    if (color[i] == '\x1b') {
      i = color.find('m', i);
      continue;
    }
    stripped += color[i];
  }
  EXPECT_EQ(stripped, plain);
}

TEST(TextReport, HostileExcerptCannotDriveTheTerminal) {
  const std::string out = text(hostile_analysis(), true);
  // The only escape sequences are the report's own SGR codes.
  for (std::size_t at = out.find('\x1b'); at != std::string::npos; at = out.find('\x1b', at + 1))
    EXPECT_EQ(out[at + 1], '[');
  EXPECT_EQ(out.find('\x01'), std::string::npos);
}

TEST(TerminalStyle, ExcerptColumnCountsEscapesAsOneByte) {
  using reports::excerpt_display_column;
  EXPECT_EQ(excerpt_display_column("a1 NOOP", 0), 0u);
  EXPECT_EQ(excerpt_display_column("a1 NOOP", 3), 3u);
  EXPECT_EQ(excerpt_display_column("a1 NOOP", 7), 7u);  // the end of the line
  EXPECT_EQ(excerpt_display_column("a1 NOOP", 8), std::nullopt);
  // "\x00" stands for one raw byte.
  EXPECT_EQ(excerpt_display_column("a\\x00b", 1), 1u);
  EXPECT_EQ(excerpt_display_column("a\\x00b", 2), 5u);
  // Multi-byte UTF-8 takes one column on screen.
  EXPECT_EQ(excerpt_display_column("\xC3\xA9t\xC3\xA9 x", 5), 3u);
  EXPECT_EQ(reports::caret_line("a1 NOOP", 3, 2), "     ^");
  EXPECT_EQ(reports::caret_line("a1", 5, 2), "");
}

TEST(TerminalStyle, TerminalSafeShowsControlsInsteadOfSendingThem) {
  EXPECT_EQ(reports::terminal_safe("ok \x1b]0;title\x07 \x7f"), "ok \\x1b]0;title\\x07 \\x7f");
  EXPECT_EQ(reports::terminal_safe("csi \xC2\x9B"
                                   "31m"),
            "csi \\xc2\\x9b31m");
  EXPECT_EQ(reports::terminal_safe("caf\xC3\xA9 \\x01"), "caf\xC3\xA9 \\x01");  // kept as is
}

TEST(TerminalStyle, AutoColorNeedsATerminalAndNoNoColor) {
  using reports::ColorMode;
  using reports::use_color;
  const char* saved = std::getenv("NO_COLOR");
  const std::string saved_value = saved ? saved : "";
  unsetenv("NO_COLOR");
  EXPECT_TRUE(use_color(ColorMode::kAuto, true));
  EXPECT_FALSE(use_color(ColorMode::kAuto, false));
  setenv("NO_COLOR", "", 1);  // empty: as if unset
  EXPECT_TRUE(use_color(ColorMode::kAuto, true));
  setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(use_color(ColorMode::kAuto, true));
  EXPECT_TRUE(use_color(ColorMode::kAlways, false));
  EXPECT_FALSE(use_color(ColorMode::kNever, true));
  if (saved)
    setenv("NO_COLOR", saved_value.c_str(), 1);
  else
    unsetenv("NO_COLOR");
}

// A probe numbers only its main connection's lines (those of --save-transcript); a violation on
// another connection has neither line nor packet, and its time is then the position given.
TEST(TextReport, ViolationWithoutLineOrPacketIsPlacedByItsTime) {
  checks::Analysis a;
  a.inputs.push_back({"imap://alice@127.0.0.1:143", "probe", ""});
  checks::ConnectionSummary c;
  c.id = 1;
  c.input = 0;
  a.connections.push_back(c);
  checks::Violation v =
      violation("qresync.fetch-uid-missing", checks::Severity::kError, checks::Side::kServer, 1);
  v.direction = capture::Direction::kServerToClient;
  v.time = 1795452928767377;
  v.message = "FETCH of message 1 lacks the UID item";
  v.excerpt = "* 1 FETCH (MODSEQ (3))";
  a.violations.push_back(v);
  const std::string out = text(a, false);
  EXPECT_NE(out.find("  imap://alice@127.0.0.1:143, at 2026-11-23T16:55:28.767377Z: error: "
                     "[qresync.fetch-uid-missing]"),
            std::string::npos)
      << out;
  // With a line, the line is the position and the time is left to the JSON report.
  a.violations[0].line = 5;
  const std::string numbered = text(a, false);
  EXPECT_NE(numbered.find("  imap://alice@127.0.0.1:143:5: error:"), std::string::npos) << numbered;
  EXPECT_EQ(numbered.find(", at "), std::string::npos) << numbered;
}

}  // namespace
}  // namespace imapscope::testing
