#pragma once
// Shared helpers of the strict grammar's tests: frame a message with the real framer and run
// the validator of its side.
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "analyzer/grammar/grammar.h"
#include "tests/analyzer/framed.h"

namespace imapscope::testing {

// Data files use "\r\n" (the four characters) inside a line for a line break, so one line
// can hold a command with its literal.
inline std::string unescape_crlf(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 4) == "\\r\\n") {
      out += "\r\n";
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

inline analyzer::grammar::Result validate_text(std::string_view text, analyzer::Direction dir,
                                               analyzer::grammar::Options options = {true, true}) {
  std::string bytes = unescape_crlf(text);
  bytes += "\r\n";
  const analyzer::Message m = frame_one(bytes, dir);
  return dir == analyzer::Direction::kClientToServer
             ? analyzer::grammar::validate_command(m, options)
             : analyzer::grammar::validate_response(m, options);
}

inline analyzer::grammar::Result command(std::string_view text,
                                         analyzer::grammar::Options options = {true, true}) {
  return validate_text(text, analyzer::Direction::kClientToServer, options);
}
inline analyzer::grammar::Result response(std::string_view text,
                                          analyzer::grammar::Options options = {true, true}) {
  return validate_text(text, analyzer::Direction::kServerToClient, options);
}

inline std::string read_data_file(const std::string& relative) {
  std::ifstream in(std::string(IMAPSCOPE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace imapscope::testing
