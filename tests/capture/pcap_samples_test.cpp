// The real captures in samples/dovecot/ (tcpdump on loopback while Dovecot wrote rawlogs of
// the same sessions, see scripts/record-samples): the streams reassembled from each pcap must
// be byte for byte what the rawlogs hold, the client's = NAME.prelogin.in + NAME.in and the
// server's = NAME.prelogin.out + NAME.out, rawlog timestamps stripped.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/capture/capture_recorder.h"

namespace imapscope::testing {
namespace {

std::string sample(const std::string& name) {
  return std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/" + name;
}

// Removes Dovecot's "SECONDS.MICROSECONDS " stamps: at the start of the file and after every
// LF (rawlog_dir stamps every line, literal lines included).
std::string strip_rawlog_stamps(const std::string& raw) {
  std::string out;
  std::size_t at = 0;
  bool line_start = true;
  while (at < raw.size()) {
    if (line_start) {
      std::size_t i = at;
      while (i < raw.size() && std::isdigit(static_cast<unsigned char>(raw[i])))
        ++i;
      std::size_t j = i + 1;
      while (j < raw.size() && j < i + 7 && std::isdigit(static_cast<unsigned char>(raw[j])))
        ++j;
      if (i > at && i < raw.size() && raw[i] == '.' && j == i + 7 && j < raw.size() &&
          raw[j] == ' ') {
        at = j + 1;
      }
      line_start = false;
      continue;
    }
    out.push_back(raw[at]);
    line_start = raw[at] == '\n';
    ++at;
  }
  return out;
}

std::string rawlog(const std::string& file) {
  return strip_rawlog_stamps(read_file(sample(file)));
}

void expect_streams(const RecordedConnection& c, const std::string& name) {
  SCOPED_TRACE(name);
  const std::string client = rawlog(name + ".prelogin.in") + rawlog(name + ".in");
  const std::string server = rawlog(name + ".prelogin.out") + rawlog(name + ".out");
  ASSERT_FALSE(client.empty());
  EXPECT_EQ(c.client, client);
  EXPECT_EQ(c.server, server);
  EXPECT_TRUE(c.gaps.empty());
  EXPECT_TRUE(c.problems.empty());
  EXPECT_TRUE(c.ended);
}

TEST(PcapSamples, StripRawlogStampsRemovesLineStartStampsOnly) {
  EXPECT_EQ(strip_rawlog_stamps("1.000001 a1 OK\r\n1795452934.259273 b\n12.34 x\n"),
            "a1 OK\r\nb\n12.34 x\n");
}

class PlainSample : public ::testing::TestWithParam<const char*> {};

TEST_P(PlainSample, StreamsEqualTheRawlogs) {
  const std::string name = GetParam();
  const CaptureRecorder r = read_capture_file(sample(name + ".pcap"));
  ASSERT_FALSE(r.error) << r.error->to_string();
  ASSERT_EQ(r.order.size(), 1u);
  expect_streams(r.at(0), name);
  EXPECT_TRUE(r.connectionless.empty());
}

INSTANTIATE_TEST_SUITE_P(Dovecot, PlainSample,
                         ::testing::Values("imaplib-basic", "curl", "pipelined", "auth-fail",
                                           "mbsync"));

TEST(PcapSamples, IdleCaptureHoldsBothConnections) {
  const CaptureRecorder r = read_capture_file(sample("idle.pcap"));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.order.size(), 2u);
  expect_streams(r.at(0), "idle");
  expect_streams(r.at(1), "idle-append");
  EXPECT_EQ(r.at(0).meta.server, r.at(1).meta.server);
  EXPECT_NE(r.at(0).meta.client, r.at(1).meta.client);
}

// LOGIN and three more commands in one write: imap-login read all four (so all are in the
// pre-login .in) and handed the three unprocessed ones to the imap process, whose post-login
// .in logs them again. On the wire they went once: the client stream is the pre-login .in.
TEST(PcapSamples, PipelinedLoginClientStreamIsThePreloginLog) {
  const CaptureRecorder r = read_capture_file(sample("pipelined-login.pcap"));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& c = r.at(0);
  const std::string prelogin = rawlog("pipelined-login.prelogin.in");
  ASSERT_TRUE(prelogin.ends_with(rawlog("pipelined-login.in")));
  EXPECT_EQ(c.client, prelogin);
  EXPECT_EQ(c.server, rawlog("pipelined-login.prelogin.out") + rawlog("pipelined-login.out"));
  EXPECT_TRUE(c.gaps.empty());
}

TEST(PcapSamples, ConnectionsKnowTheirEndpointsAndOrigins) {
  const CaptureRecorder r = read_capture_file(sample("imaplib-basic.pcap"));
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& c = r.at(0);
  EXPECT_TRUE(c.meta.client.starts_with("127.0.0.1:")) << c.meta.client;
  EXPECT_EQ(c.meta.server, "127.0.0.1:48983");  // not 143: found by its greeting
  ASSERT_FALSE(c.origins.empty());
  // SYN, SYN-ACK, ACK, then the greeting: frame 4, as Wireshark numbers it.
  EXPECT_EQ(c.origins.front().packet, 4u);
  ASSERT_TRUE(c.origins.front().time);
  EXPECT_GT(*c.origins.front().time, 1'700'000'000'000'000);
  EXPECT_TRUE(c.turns.front().starts_with("S:* OK "));
}

// Implicit TLS on a port that is not 993: no greeting in clear, so only --port makes it IMAP.
TEST(PcapSamples, ImplicitTlsOnAnUnknownPortNeedsThePortOption) {
  EXPECT_TRUE(read_capture_file(sample("imaps.pcap")).order.empty());
  const CaptureRecorder probe = read_capture_file(sample("imaps.pcap"), [] {
    capture::CaptureOptions o;
    o.extra_ports = {38621};
    return o;
  }());
  ASSERT_EQ(probe.order.size(), 1u);
  EXPECT_TRUE(probe.at(0).meta.server.ends_with(":38621"));
  EXPECT_EQ(probe.at(0).server.substr(0, 2), std::string("\x16\x03", 2));  // a TLS record
}

TEST(PcapSamples, StarttlsStreamsMatchUpToTheHandshake) {
  const CaptureRecorder r = read_capture_file(sample("starttls.pcap"));
  ASSERT_EQ(r.order.size(), 1u);
  // The rawlogs are of the decrypted session; the capture holds the plaintext only up to
  // STARTTLS's OK.
  const std::string server = rawlog("starttls.prelogin.out");
  const std::string ok = "OK Begin TLS negotiation now.\r\n";
  const std::size_t plain_end = server.find(ok);
  ASSERT_NE(plain_end, std::string::npos);
  EXPECT_EQ(r.at(0).server.substr(0, plain_end + ok.size()),
            server.substr(0, plain_end + ok.size()));
}

}  // namespace
}  // namespace imapscope::testing
