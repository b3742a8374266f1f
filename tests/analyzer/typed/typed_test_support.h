#pragma once
// A framed and parsed message kept in one place, so the typed views taken from it (which point
// into its Message) stay valid for the test's life.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "analyzer/command.h"
#include "analyzer/response.h"
#include "tests/analyzer/framed.h"
#include "tests/analyzer/grammar/grammar_test_support.h"

namespace imapscope::testing {

struct ParsedCommand {
  analyzer::Message message;
  analyzer::Command command;
  analyzer::SyntaxError error;
  bool ok = false;
};

struct ParsedResponse {
  analyzer::Message message;
  analyzer::Response response;
  analyzer::SyntaxError error;
  bool ok = false;
};

// `text` as written in the RFCs and the data files: "\r\n" (four characters) marks the line
// break after a literal announcement; a final CRLF is added.
inline std::unique_ptr<ParsedCommand> parse_command_text(std::string_view text) {
  auto p = std::make_unique<ParsedCommand>();
  p->message = frame_one(unescape_crlf(text) + "\r\n", analyzer::Direction::kClientToServer);
  p->ok = analyzer::parse_command(p->message, p->command, p->error);
  return p;
}

inline std::unique_ptr<ParsedResponse> parse_response_text(std::string_view text) {
  auto p = std::make_unique<ParsedResponse>();
  p->message = frame_one(unescape_crlf(text) + "\r\n", analyzer::Direction::kServerToClient);
  p->ok = analyzer::parse_response(p->message, p->response, p->error);
  return p;
}

// Printed output uses real CRLFs; frame it as it is.
inline std::unique_ptr<ParsedCommand> parse_command_bytes(const std::string& bytes) {
  auto p = std::make_unique<ParsedCommand>();
  p->message = frame_one(bytes + "\r\n", analyzer::Direction::kClientToServer);
  p->ok = analyzer::parse_command(p->message, p->command, p->error);
  return p;
}

inline std::unique_ptr<ParsedResponse> parse_response_bytes(const std::string& bytes) {
  auto p = std::make_unique<ParsedResponse>();
  p->message = frame_one(bytes + "\r\n", analyzer::Direction::kServerToClient);
  p->ok = analyzer::parse_response(p->message, p->response, p->error);
  return p;
}

}  // namespace imapscope::testing
