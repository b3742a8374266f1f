#pragma once
// One finding: which rule, how bad, whose fault, and exactly where.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "capture/direction.h"
#include "capture/origin.h"

namespace imapscope::checks {

enum class Severity : unsigned char { kError, kWarning, kInfo };
enum class Side : unsigned char { kClient, kServer };

constexpr std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

constexpr std::string_view side_name(Side s) {
  return s == Side::kClient ? "client" : "server";
}

struct Violation {
  std::string rule;
  Severity severity = Severity::kError;
  Side side = Side::kServer;
  std::uint32_t connection = 0;
  std::uint64_t line = 0;    // 1-based input line where the message begins; 0 if none
  std::uint64_t offset = 0;  // byte offset of the message in its direction's stream
  std::uint64_t packet = 0;  // capture frame number; 0 if none
  std::optional<capture::Timestamp> time;
  std::optional<std::size_t> column;  // for syntax errors: 0-based column in the message's line
  // The same column as the excerpt shows the line (credentials replaced by "***"), for the
  // caret reports draw under it; see analyzer::excerpt_column.
  std::optional<std::size_t> excerpt_column;
  std::optional<capture::Direction> direction;
  std::string tag;
  std::string message;
  std::string rfc;
  std::string excerpt;
};

}  // namespace imapscope::checks
