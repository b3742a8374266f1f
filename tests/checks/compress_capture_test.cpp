// A real COMPRESS=DEFLATE session (RFC 4978): Dovecot with imap_zlib and a Python zlib client,
// captured on loopback by scripts/record-compress-sample. After COMPRESS's tagged OK both
// directions are raw deflate; the analysis inflates them and goes on, byte-exact.
#include <gtest/gtest.h>

#include <string>

#include "checks/checker.h"

namespace imapscope::testing {
namespace {

TEST(CompressCapture, RealDeflateSessionIsInflatedAndReplayed) {
  checks::CheckOptions options;
  options.collect_transcript = true;
  const std::string pcap = std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/compress.pcap";
  const checks::CheckResult r = checks::check_inputs({pcap}, options);
  ASSERT_FALSE(r.error.has_value());
  ASSERT_EQ(r.analysis.connections.size(), 1u);
  const checks::ConnectionSummary& c = r.analysis.connections[0];
  EXPECT_TRUE(c.compressed);
  // LOGIN, COMPRESS, then SELECT, FETCH, NOOP and LOGOUT sent deflated.
  EXPECT_EQ(c.commands, 6u);
  EXPECT_EQ(c.final_state, "logout");
  EXPECT_EQ(r.analysis.count(checks::Severity::kError), 0u);
  EXPECT_TRUE(c.capture_problems.empty());

  // The message body came back deflated inside FETCH's literal: its octets are exact.
  const std::string body = "Hello Bob, this body travels deflated.\r\n";
  bool fetched = false;
  for (const checks::TranscriptMessage& m : c.transcript.messages) {
    if (m.lines.empty() || m.lines[0].find("FETCH (") == std::string::npos) continue;
    for (const checks::TranscriptLiteral& l : m.literals) {
      if (l.head.size() >= body.size() && l.head.substr(l.head.size() - body.size()) == body) {
        EXPECT_TRUE(l.complete);
        EXPECT_EQ(l.size, l.head.size());
        fetched = true;
      }
    }
  }
  EXPECT_TRUE(fetched);
  // What the client sent deflated is read as the commands it was.
  bool logout = false;
  for (const checks::TranscriptMessage& m : c.transcript.messages)
    logout = logout || m.excerpt == "z6 LOGOUT";
  EXPECT_TRUE(logout);
}

}  // namespace
}  // namespace imapscope::testing
