#include "reports/terminal_style.h"

#include <unistd.h>

#include <cstdlib>

namespace imapscope::reports {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

bool use_color(ColorMode mode, bool output_is_terminal) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return output_is_terminal && (no_color == nullptr || *no_color == '\0');
}

bool stdout_is_terminal() {
  return isatty(STDOUT_FILENO) == 1;
}

std::string TerminalStyle::wrap(std::string_view sgr, std::string_view text) const {
  if (!color_) return std::string(text);
  std::string out = "\x1b[";
  out += sgr;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

std::string TerminalStyle::severity(checks::Severity severity, std::string_view text) const {
  switch (severity) {
    case checks::Severity::kError:
      return wrap("1;31", text);
    case checks::Severity::kWarning:
      return wrap("1;35", text);
    case checks::Severity::kInfo:
      return wrap("1;36", text);
  }
  return std::string(text);
}

std::string terminal_safe(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      escape(c);
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      escape(c);
      escape(static_cast<unsigned char>(text[++i]));
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::size_t> excerpt_display_column(std::string_view excerpt, std::size_t column) {
  std::size_t pos = 0;  // byte position in the excerpt
  for (std::size_t raw = 0; raw < column; ++raw) {
    if (pos >= excerpt.size()) return std::nullopt;
    const bool escaped = excerpt[pos] == '\\' && pos + 3 < excerpt.size() &&
                         excerpt[pos + 1] == 'x' && is_hex(excerpt[pos + 2]) &&
                         is_hex(excerpt[pos + 3]);
    pos += escaped ? 4 : 1;
  }
  if (pos > excerpt.size()) return std::nullopt;
  std::size_t shown = 0;  // code points before `pos`
  for (std::size_t i = 0; i < pos; ++i) {
    if ((static_cast<unsigned char>(excerpt[i]) & 0xC0) != 0x80) ++shown;
  }
  return shown;
}

std::string caret_line(std::string_view excerpt, std::size_t column, std::size_t indent) {
  const std::optional<std::size_t> at = excerpt_display_column(excerpt, column);
  if (!at) return {};
  return std::string(indent + *at, ' ') + '^';
}

}  // namespace imapscope::reports
