#pragma once
// The terminal report's styling: ANSI colors when asked for (compiler-style: bold location,
// red errors, magenta warnings, a green caret) and the caret that points at a syntax
// error's column under the quoted line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "checks/violation.h"

namespace imapscope::reports {

enum class ColorMode : unsigned char { kAuto, kAlways, kNever };

// kAuto colors when the report goes to a terminal and NO_COLOR is unset or empty
// (https://no-color.org); kAlways and kNever decide alone.
bool use_color(ColorMode mode, bool output_is_terminal);
bool stdout_is_terminal();

class TerminalStyle {
 public:
  explicit TerminalStyle(bool color) : color_(color) {}
  bool color() const { return color_; }

  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string caret(std::string_view text) const { return wrap("1;32", text); }
  // "error" in bold red, "warning" in bold magenta, "info" in bold cyan.
  std::string severity(checks::Severity severity, std::string_view text) const;

 private:
  std::string wrap(std::string_view sgr, std::string_view text) const;
  bool color_;
};

// `text` with what a terminal would act on shown instead: C0 control bytes and DEL as \xNN,
// C1 controls (U+0080..U+009F, "\xc2\x9b" is CSI) as \xc2\xNN. Report text quotes the
// stream, and the stream must not drive the reader's terminal.
std::string terminal_safe(std::string_view text);

// Where raw byte `column` (0-based, in the message's first line) is shown in `excerpt`,
// which writes each control byte as \xNN: a count of characters (UTF-8 code points) from
// the excerpt's start. Empty when the column lies past what the excerpt shows.
std::optional<std::size_t> excerpt_display_column(std::string_view excerpt, std::size_t column);

// "    ^" for the excerpt as printed after `indent` characters; empty when
// excerpt_display_column has no answer.
std::string caret_line(std::string_view excerpt, std::size_t column, std::size_t indent);

}  // namespace imapscope::reports
