#pragma once
// What the report tests write from: a hand-built Analysis with hostile bytes and every kind
// of location, and the real pipeline run on bundled samples.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "checks/checker.h"
#include "reports/report.h"

namespace imapscope::testing {

inline const reports::ToolInfo kTestTool{"imapscope", "0.0.0-test"};

// Text from a hostile stream: markup, quotes, a control byte, invalid UTF-8, "]]>".
inline const std::string kHostile = "<script>alert('x')</script> & \"q\" ]]> \x01\xff\xfe end";

inline checks::TranscriptMessage message(checks::MessageKind kind, capture::Direction dir,
                                         std::uint64_t line, std::uint64_t offset,
                                         std::string excerpt, std::string tag = {}) {
  checks::TranscriptMessage m;
  m.kind = kind;
  m.direction = dir;
  m.line = line;
  m.offset = offset;
  m.excerpt = std::move(excerpt);
  m.tag = std::move(tag);
  return m;
}

inline checks::Violation violation(std::string rule, checks::Severity severity, checks::Side side,
                                   std::uint32_t connection) {
  checks::Violation v;
  v.rule = std::move(rule);
  v.severity = severity;
  v.side = side;
  v.connection = connection;
  if (const checks::RuleEntry* e = checks::find_rule(v.rule)) v.rfc = std::string(e->info.rfc);
  return v;
}

inline checks::Analysis hostile_analysis() {
  using capture::Direction;
  using checks::MessageKind;
  using checks::Severity;
  using checks::Side;
  checks::Analysis a;
  a.inputs.push_back({"samples/hostile session.txt", "transcript", ""});
  a.inputs.push_back({"/var/log/rawlog/s1.in", "rawlog", "/var/log/rawlog/s1.out"});

  checks::ConnectionSummary c1;
  c1.id = 1;
  c1.input = 0;
  c1.commands = 2;
  c1.responses = 3;
  c1.capabilities = {"IMAP4rev2", "AUTH=PLAIN"};
  c1.final_state = "selected";
  c1.transcript.collected = true;
  c1.transcript.messages = {
      message(MessageKind::kGreeting, Direction::kServerToClient, 1, 0,
              "* OK [CAPABILITY IMAP4rev2] hi"),
      message(MessageKind::kUnparsed, Direction::kClientToServer, 2, 0, "a1 " + kHostile),
      message(MessageKind::kCommand, Direction::kClientToServer, 3, 40, "a4 FETCH 1:5 FLAGS", "a4"),
      message(MessageKind::kUntagged, Direction::kServerToClient, 4, 32, "* 3 EXPUNGE"),
      message(MessageKind::kCompletion, Direction::kServerToClient, 5, 45, "a4 OK done", "a4"),
  };
  a.connections.push_back(c1);

  checks::ConnectionSummary c2;
  c2.id = 2;
  c2.input = 1;
  c2.client = "192.0.2.1:50000";
  c2.server = "192.0.2.2:143";
  c2.commands = 1;
  c2.responses = 1;
  c2.final_state = "authenticated";
  c2.tls = "starttls";
  c2.capture_problems.push_back({capture::CaptureProblemKind::kGap, 9, std::nullopt,
                                 Direction::kServerToClient, 100,
                                 "100 bytes are not in the capture <gap>"});
  a.connections.push_back(c2);  // no transcript recorded
  a.inputs[1].capture_problems.push_back({capture::CaptureProblemKind::kCorrupt, 12, std::nullopt,
                                          std::nullopt, std::nullopt,
                                          "record longer than the snapshot length"});

  checks::Violation v1 = violation("syntax.command", Severity::kError, Side::kClient, 1);
  v1.line = 2;
  v1.offset = 0;
  v1.direction = Direction::kClientToServer;
  v1.column = 3;
  v1.excerpt_column = 3;
  v1.message = "expected a command name at column 4 " + kHostile;
  v1.excerpt = "a1 " + kHostile;
  a.violations.push_back(v1);

  checks::Violation v2 = violation("expunge.during-fetch", Severity::kError, Side::kServer, 1);
  v2.line = 4;
  v2.offset = 32;
  v2.direction = Direction::kServerToClient;
  v2.tag = "a4";
  v2.message = "EXPUNGE of message 3 while FETCH (tag 'a4', line 3) is in progress";
  v2.excerpt = "* 3 EXPUNGE";
  a.violations.push_back(v2);

  checks::Violation v3 = violation("command.never-completed", Severity::kWarning, Side::kServer, 1);
  v3.message = "the stream ended with a command in progress";  // about the whole stream
  a.violations.push_back(v3);

  checks::Violation v4 =
      violation("capability.imap4rev2-missing", Severity::kWarning, Side::kServer, 2);
  v4.line = 1;
  v4.offset = 0;
  v4.direction = Direction::kServerToClient;
  v4.packet = 7;
  v4.time = 1795452928767377;
  v4.message = "server offers IMAP4rev1 but not IMAP4rev2";
  v4.excerpt = "* CAPABILITY IMAP4rev1 " + kHostile;
  a.violations.push_back(v4);
  return a;
}

// The real pipeline on bundled samples, paths relative to the source directory as a user
// in the repository would give them.
inline checks::Analysis check_samples(const std::vector<std::string>& paths,
                                      bool collect_transcript = false) {
  std::filesystem::current_path(IMAPSCOPE_SOURCE_DIR);
  checks::CheckOptions options;
  options.collect_transcript = collect_transcript;
  checks::CheckResult result = checks::check_inputs(paths, options);
  EXPECT_FALSE(result.error.has_value()) << result.error->to_string();
  return std::move(result.analysis);
}

}  // namespace imapscope::testing
