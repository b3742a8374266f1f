// A capture is analysed exactly like a transcript of the same bytes: for each real Dovecot
// capture, the checker's findings and connection summaries must equal those of a C:/S:
// transcript written from the reassembled streams. And bytes missing from a capture must not
// turn into findings.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>

#include "checks/checker.h"
#include "tests/capture/capture_recorder.h"
#include "tests/support/pcap_builder.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

std::string sample(const std::string& name) {
  return std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/" + name;
}

// The connection's turns as a transcript: every line of every turn as "C: line" / "S: line".
std::string as_transcript(const RecordedConnection& c) {
  std::string out;
  for (const std::string& turn : c.turns) {
    const std::string prefix = turn.substr(0, 2) + " ";
    std::string_view rest = std::string_view(turn).substr(2);
    while (!rest.empty()) {
      const std::size_t end = rest.find("\r\n");
      EXPECT_NE(end, std::string_view::npos) << "a turn that does not end a line";
      if (end == std::string_view::npos) break;
      out += prefix + std::string(rest.substr(0, end)) + "\n";
      rest.remove_prefix(end + 2);
    }
  }
  return out;
}

using Finding = std::tuple<std::string, std::string, std::string, std::uint64_t, std::string>;

std::vector<Finding> findings(const checks::Analysis& a) {
  std::vector<Finding> out;
  for (const checks::Violation& v : a.violations) {
    // Judged by where the bytes were seen (on the wire, or in a transcript that cannot say).
    if (v.rule == "login.cleartext") continue;
    out.emplace_back(v.rule, std::string(checks::severity_name(v.severity)),
                     v.direction ? std::string(capture::side_name(*v.direction)) : "", v.offset,
                     v.excerpt);
  }
  return out;
}

class SameAnalysis : public ::testing::TestWithParam<const char*> {};

TEST_P(SameAnalysis, AsATranscriptOfTheSameBytes) {
  const std::string pcap = sample(std::string(GetParam()) + ".pcap");
  const CaptureRecorder recorded = read_capture_file(pcap);
  ASSERT_EQ(recorded.order.size(), 1u);
  TempFile transcript(as_transcript(recorded.at(0)));

  const checks::CheckResult from_capture = checks::check_inputs({pcap}, {});
  const checks::CheckResult from_transcript = checks::check_inputs({transcript.path()}, {});
  ASSERT_FALSE(from_capture.error);
  ASSERT_FALSE(from_transcript.error) << from_transcript.error->to_string();
  EXPECT_EQ(findings(from_capture.analysis), findings(from_transcript.analysis));
  ASSERT_EQ(from_capture.analysis.connections.size(), 1u);
  const checks::ConnectionSummary& c = from_capture.analysis.connections[0];
  const checks::ConnectionSummary& t = from_transcript.analysis.connections[0];
  EXPECT_EQ(c.commands, t.commands);
  EXPECT_EQ(c.responses, t.responses);
  EXPECT_EQ(c.final_state, t.final_state);
  EXPECT_EQ(c.capabilities, t.capabilities);
  EXPECT_EQ(c.tls, t.tls);
  EXPECT_TRUE(c.capture_problems.empty());
  EXPECT_EQ(c.server, recorded.at(0).meta.server);
  // Found in a capture, a finding says where: the frame and its time.
  for (const checks::Violation& v : from_capture.analysis.violations) {
    if (!v.direction) continue;
    EXPECT_GT(v.packet, 0u) << v.rule;
    EXPECT_TRUE(v.time) << v.rule;
    EXPECT_EQ(v.line, 0u);
  }
  EXPECT_EQ(from_capture.analysis.count(checks::Severity::kError), 0u);
}

INSTANTIATE_TEST_SUITE_P(Dovecot, SameAnalysis,
                         ::testing::Values("imaplib-basic", "curl", "pipelined", "pipelined-login",
                                           "auth-fail", "mbsync"));

// Drops the `nth` server packet that carries data from imaplib-basic.pcap.
std::string without_server_packet(int nth) {
  pcap::PcapFile f = pcap::split_pcap(read_file(sample("imaplib-basic.pcap")));
  int seen = 0;
  for (auto it = f.records.begin(); it != f.records.end(); ++it) {
    const std::string& d = it->data;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(d.at(i)); };
    const std::size_t tcp = 14 + (byte(14) & 0x0fu) * 4;
    const bool from_server = byte(tcp) * 256 + byte(tcp + 1) == 48983;
    const bool data = d.size() > tcp + (byte(tcp + 12) >> 4) * 4u;
    if (from_server && data && ++seen == nth) {
      f.records.erase(it);
      break;
    }
  }
  return f.bytes();
}

TEST(CaptureAnalysis, AGapMakesNoFalseFindings) {
  // Whichever server packet is lost, no error may come of it. The server's port is named:
  // without its greeting (the first packet) the connection could not be told to be IMAP.
  checks::CheckOptions options;
  options.capture.extra_ports = {48983};
  for (int nth = 1; nth <= 12; ++nth) {
    SCOPED_TRACE(nth);
    TempFile pcap(without_server_packet(nth), ".pcap");
    const checks::CheckResult r = checks::check_inputs({pcap.path()}, options);
    ASSERT_FALSE(r.error);
    ASSERT_EQ(r.analysis.connections.size(), 1u);
    const auto& problems = r.analysis.connections[0].capture_problems;
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].kind, capture::CaptureProblemKind::kGap);
    EXPECT_EQ(problems[0].direction, capture::Direction::kServerToClient);
    EXPECT_GT(problems[0].bytes.value_or(0), 0u);
    EXPECT_GT(problems[0].packet, 0u);
    EXPECT_EQ(r.analysis.count(checks::Severity::kError), 0u);
    // Findings resume after resynchronization (with rules started afresh): the warnings this
    // session deserves (Dovecot 2.3 offers no IMAP4rev2; imaplib logs in without TLS) may come
    // again, nothing else.
    for (const checks::Violation& v : r.analysis.violations)
      EXPECT_TRUE(v.rule == "capability.imap4rev2-missing" || v.rule == "login.cleartext")
          << v.rule << ": " << v.excerpt;
  }
}

TEST(CaptureAnalysis, WithoutItsGreetingAConnectionOnAnUnknownPortIsNotImap) {
  TempFile pcap(without_server_packet(1), ".pcap");
  EXPECT_TRUE(checks::check_inputs({pcap.path()}, {}).analysis.connections.empty());
}

TEST(CaptureAnalysis, ProblemsTiedToNoConnectionGoToTheInput) {
  const std::string bytes = read_file(sample("imaplib-basic.pcap"));
  TempFile cut(bytes.substr(0, bytes.size() - 10), ".pcap");
  const checks::CheckResult r = checks::check_inputs({cut.path()}, {});
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.analysis.inputs.size(), 1u);
  EXPECT_EQ(r.analysis.inputs[0].kind, "pcap");
  ASSERT_EQ(r.analysis.inputs[0].capture_problems.size(), 1u);
  EXPECT_EQ(r.analysis.inputs[0].capture_problems[0].kind, capture::CaptureProblemKind::kTruncated);
}

TEST(CaptureAnalysis, PortOptionReachesTheReader) {
  checks::CheckOptions options;
  EXPECT_TRUE(checks::check_inputs({sample("imaps.pcap")}, options).analysis.connections.empty());
  options.capture.extra_ports = {38621};
  const checks::CheckResult r = checks::check_inputs({sample("imaps.pcap")}, options);
  ASSERT_EQ(r.analysis.connections.size(), 1u);
  EXPECT_EQ(r.analysis.connections[0].tls, "implicit");
}

}  // namespace
}  // namespace imapscope::testing
