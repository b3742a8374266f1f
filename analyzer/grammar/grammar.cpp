#include "analyzer/grammar/grammar.h"

#include "analyzer/command.h"
#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

// A message that breaks its own side's grammar but is a valid message of the other side: a
// server-only form sent by the client or the reverse (RFC 9051 §2.2.1, §2.2.2).
Result wrong_side(Result r, const Result& other, const char* expected) {
  if (r.valid || !other.valid) return r;
  r.error.line = 0;
  r.error.column = 0;
  r.error.offset = 0;
  r.error.expected = expected;
  r.error.rule = "response";
  r.error.deviation = deviation::kWrongSide;
  return r;
}

}  // namespace

Result validate_command(const Message& m, const Options& options) {
  Result r = strict_command(m, options);
  literal_length(r, m);
  if (r.valid || !r.error.deviation.empty()) return r;
  Result as_response = strict_response(m, options);
  r = wrong_side(std::move(r), as_response, "a command, not a server response");
  if (!r.error.deviation.empty()) {
    r.error.rule = "command";
    r.error.offset = m.lines.empty() ? m.offset : m.lines[0].stream_offset;
  }
  return r;
}

namespace {

// The second word of the first line names a command of RFC 9051 §9 or a listed extension:
// the command grammar takes unknown names too, which must not make any "tag word" line a
// command.
bool names_known_command(const Message& m) {
  const std::string_view line = m.first_line();
  const std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view name = line.substr(sp + 1);
  name = name.substr(0, name.find(' '));
  return iequals(name, "UID") || command_info(name).id != CommandId::kUnknown;
}

}  // namespace

Result validate_response(const Message& m, const Options& options) {
  Result r = strict_response(m, options);
  literal_length(r, m);
  if (r.valid || !r.error.deviation.empty() || !names_known_command(m)) return r;
  r = wrong_side(std::move(r), strict_command(m, options), "a response, not a client command");
  if (!r.error.deviation.empty())
    r.error.offset = m.lines.empty() ? m.offset : m.lines[0].stream_offset;
  return r;
}

}  // namespace imapscope::analyzer::grammar
