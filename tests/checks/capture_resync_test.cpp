// Captures with bytes missing, checked end to end: the real imaplib-basic.pcap with each of its
// data packets dropped in turn gives no error, and a violation the server makes after the gap
// (in a capture built packet by packet) is still found; a connection picked up mid-stream is
// checked from its first resynchronization point on.

#include <gtest/gtest.h>

#include <string>

#include "checks/checker.h"
#include "tests/support/pcap_builder.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

namespace p = pcap;

constexpr std::uint16_t kServerPort = 48983;

std::string sample(const std::string& name) {
  return std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/" + name;
}

bool carries_data_from(const p::Record& r, bool server) {
  const std::string& d = r.data;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(d.at(i)); };
  const std::size_t tcp = 14 + (byte(14) & 0x0fu) * 4;
  const bool from_server = byte(tcp) * 256 + byte(tcp + 1) == kServerPort;
  return from_server == server && d.size() > tcp + (byte(tcp + 12) >> 4) * 4u;
}

checks::CheckResult check_bytes(const std::string& bytes, std::uint16_t port = kServerPort) {
  checks::CheckOptions options;
  options.capture.extra_ports = {port};
  TempFile pcap(bytes, ".pcap");
  return checks::check_inputs({pcap.path()}, options);
}

std::string errors_of(const checks::Analysis& a) {
  std::string out;
  for (const checks::Violation& v : a.violations) {
    if (v.severity == checks::Severity::kError) out += v.rule + ": " + v.excerpt + "\n";
  }
  return out;
}

TEST(CaptureResync, DroppingAnyDataPacketOfARealSessionGivesNoError) {
  const p::PcapFile original = p::split_pcap(read_file(sample("imaplib-basic.pcap")));
  for (bool server : {false, true}) {
    for (std::size_t i = 0; i < original.records.size(); ++i) {
      if (!carries_data_from(original.records[i], server)) continue;
      SCOPED_TRACE("packet " + std::to_string(i + 1));
      p::PcapFile f = original;
      f.records.erase(f.records.begin() + static_cast<std::ptrdiff_t>(i));
      const checks::CheckResult r = check_bytes(f.bytes());
      ASSERT_FALSE(r.error);
      ASSERT_EQ(r.analysis.connections.size(), 1u);
      EXPECT_FALSE(r.analysis.connections[0].capture_problems.empty());
      EXPECT_EQ(errors_of(r.analysis), "");
    }
  }
}

// LOGIN, SELECT, a FETCH of a big message whose middle packet the capture lost, then NOOPs:
// the last answered with a tag no command has (tag.unknown, RFC 9051 §2.2.2).
p::Conversation fetch_session(std::vector<std::size_t>& literal_packets) {
  p::Conversation c("10.0.0.1", 50000, "10.0.0.2", kServerPort, p::in_ethernet);
  c.handshake();
  c.server("* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n");
  c.client("a1 LOGIN alice secret\r\n");
  c.server("a1 OK done\r\n");
  c.client("a2 SELECT INBOX\r\n");
  c.server(
      "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 4] ok\r\n* FLAGS (\\Seen)\r\n"
      "* OK [PERMANENTFLAGS (\\Seen)] ok\r\n* LIST () \"/\" INBOX\r\na2 OK [READ-WRITE] done\r\n");
  c.client("a3 FETCH 2 BODY[]\r\n");
  std::string body;
  for (int i = 0; i < 300; ++i)
    body += "* line " + std::to_string(i) + " of a message that looks like IMAP\r\n";
  c.server("* 2 FETCH (BODY[] {" + std::to_string(body.size()) + "}\r\n");
  for (std::size_t at = 0; at < body.size(); at += 1000) {
    literal_packets.push_back(c.records().size());
    c.server(body.substr(at, 1000));
  }
  c.server(")\r\na3 OK Fetch completed\r\n");
  c.client("a4 NOOP\r\n");
  c.server("a4 OK done\r\n");
  c.client("a5 NOOP\r\n");
  c.server("zz OK done\r\n");
  c.close();
  return c;
}

TEST(CaptureResync, AViolationAfterTheGapIsReported) {
  std::vector<std::size_t> literal;
  const p::Conversation c = fetch_session(literal);
  std::vector<p::Record> records = c.records();
  // Whole: the one error is tag.unknown.
  const checks::CheckResult whole = check_bytes(p::pcap_file(p::kLinkEthernet, records));
  ASSERT_FALSE(whole.error);
  EXPECT_EQ(errors_of(whole.analysis), "tag.unknown: zz OK done\n");
  // Without a packet in the middle of the literal: the gap is a capture problem, the body's
  // lines that look like responses are not taken for them, and tag.unknown is still found.
  records.erase(records.begin() + static_cast<std::ptrdiff_t>(literal[literal.size() / 2]));
  const checks::CheckResult r = check_bytes(p::pcap_file(p::kLinkEthernet, records));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.analysis.connections.size(), 1u);
  const auto& problems = r.analysis.connections[0].capture_problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].kind, capture::CaptureProblemKind::kGap);
  EXPECT_EQ(problems[0].bytes, 1000u);
  EXPECT_EQ(errors_of(r.analysis), "tag.unknown: zz OK done\n");
}

TEST(CaptureResync, AConnectionPickedUpMidStreamIsCheckedFromItsFirstResyncPoint) {
  std::vector<std::size_t> literal;
  const p::Conversation c = fetch_session(literal);
  // The capture starts inside the FETCH literal: no handshake, no greeting, no LOGIN.
  std::vector<p::Record> records(
      c.records().begin() + static_cast<std::ptrdiff_t>(literal[literal.size() / 2]),
      c.records().end());
  const checks::CheckResult r = check_bytes(p::pcap_file(p::kLinkEthernet, records));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.analysis.connections.size(), 1u);
  const checks::ConnectionSummary& conn = r.analysis.connections[0];
  ASSERT_FALSE(conn.capture_problems.empty());
  EXPECT_EQ(conn.capture_problems[0].kind, capture::CaptureProblemKind::kMidStream);
  // Read from the first command start on: a4, a5 (a3's FETCH began before the capture).
  EXPECT_EQ(conn.commands, 2u);
  EXPECT_EQ(errors_of(r.analysis), "");
}

TEST(CaptureResync, MidStreamFindingsResumeOnceTheStateIsKnown) {
  p::Conversation c("10.0.0.1", 50001, "10.0.0.2", kServerPort, p::in_ethernet);
  c.client("b1 NOOP\r\n");  // no handshake: the capture began after it
  c.server("b1 OK\r\n");
  c.client("b2 SELECT INBOX\r\n");
  c.server("* 1 EXISTS\r\n* OK [UIDVALIDITY 9] ok\r\nb2 OK [READ-WRITE] done\r\n");
  c.client("b3 NOOP\r\n");
  c.server("* 5 EXPUNGE\r\nb3 OK\r\n");  // message 5 of 1: expunge out of range
  c.close();
  const checks::CheckResult r = check_bytes(p::pcap_file(p::kLinkEthernet, c.records()));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.analysis.connections.size(), 1u);
  EXPECT_NE(errors_of(r.analysis).find("* 5 EXPUNGE"), std::string::npos) << errors_of(r.analysis);
}

}  // namespace
}  // namespace imapscope::testing
