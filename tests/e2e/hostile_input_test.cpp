// `imapscope check` on hostile input (issue #8): absurd literals, endless lines, deep nesting,
// endless pipelines, broken captures, SYN floods, random bytes. Each must end in a clear
// violation, capture problem, or exit 2 with one line; never a crash or a hang; and the
// process's peak resident memory (wait4's ru_maxrss) stays under the documented default bound
// of --max-memory, 256 MB, although several inputs would take far more if kept.
//
// Inputs are generated at test time into a temporary directory, written as a stream so the
// test itself stays small. Sizes are chosen so that each case runs in seconds on two cores;
// where the issue names a larger size (a 1 GB literal) the case uses one that still exceeds the
// memory bound (256 MiB), which is what proves the point. Under the sanitizers (ASan keeps
// freed memory in quarantine and shadows all of it) the memory bound is not asserted and the
// largest inputs are scaled down.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "tests/support/pcap_builder.h"
#include "tests/support/run_bounded.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

#ifdef IMAPSCOPE_SANITIZED
constexpr bool kSanitized = true;
constexpr std::uint64_t kScale = 8;  // inputs this many times smaller
constexpr std::chrono::seconds kTimeout{180};
#else
constexpr bool kSanitized = false;
constexpr std::uint64_t kScale = 1;
constexpr std::chrono::seconds kTimeout{60};
#endif
constexpr long kMemoryBoundKb = 256 * 1024;  // the default --max-memory

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "imapscope-hostile.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Runs `imapscope check -f json FILE`, asserting it neither hung nor outgrew the bound.
BoundedResult check(const std::string& path, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"check", "-f", "json", "--color", "never"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(path);
  BoundedResult r = run_imapscope_bounded(args, kTimeout);
  EXPECT_FALSE(r.timed_out) << "still running after " << kTimeout.count() << " s";
  EXPECT_LT(r.exit_code, 3) << "crashed: " << r.err.substr(0, 2000);
  if (!kSanitized) {
    EXPECT_LT(r.peak_rss_kb, kMemoryBoundKb) << "peak RSS " << r.peak_rss_kb / 1024 << " MB";
  }
  std::cout << "[ measured ] " << r.seconds << " s, peak RSS " << r.peak_rss_kb / 1024 << " MB\n";
  return r;
}

json report(const BoundedResult& r) {
  if (r.exit_code > 1) return json::object();
  return json::parse(r.out, nullptr, false);
}

bool has_rule(const json& j, const std::string& rule) {
  for (const json& v : j.value("violations", json::array()))
    if (v["rule"] == rule) return true;
  return false;
}

// The capture problems of the report, of inputs and connections, with `kind`.
std::vector<std::string> problems(const json& j, const std::string& kind) {
  std::vector<std::string> out;
  for (const char* where : {"inputs", "connections"}) {
    for (const json& x : j.value(where, json::array()))
      for (const json& p : x["capture_problems"])
        if (p["kind"] == kind) out.push_back(p["message"]);
  }
  return out;
}

// One line on standard error, naming the file.
void expect_one_line_error(const BoundedResult& r, const std::string& path) {
  EXPECT_EQ(r.exit_code, 2) << r.out.substr(0, 500);
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
}

constexpr const char* kGreeting = "S: * OK [CAPABILITY IMAP4rev2 LITERAL+] ready\n";

TEST(HostileInput, FourGigabyteLiteralAnnouncedAndNeverDelivered) {
  TempDir dir;
  const std::string path = dir.file("literal-4g.txt");
  std::ofstream(path) << kGreeting << "C: a1 APPEND INBOX {4294967296}\nS: + go ahead\nC: abc\n";
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const json j = report(r);
  // The stream ends inside the literal: the command is incomplete, never answered.
  EXPECT_TRUE(has_rule(j, "command.never-completed")) << r.out.substr(0, 3000);
}

TEST(HostileInput, LiteralLargerThanTheMemoryBoundIsStreamedNotKept) {
  TempDir dir;
  const std::string path = dir.file("literal-256m.txt");
  // 256 MiB of literal octets as lines of 4094 characters plus CRLF (the 1 GB,
  // scaled down: anything above the bound shows the literal is not kept).
  const std::uint64_t lines = 65536 / kScale;
  const std::uint64_t size = lines * 4096;
  {
    std::ofstream out(path);
    out << "S: * PREAUTH [CAPABILITY IMAP4rev2] ready\nC: a1 APPEND INBOX {" << size
        << "}\nS: + go ahead\n";
    const std::string line = "C: " + std::string(4094, 'x') + "\n";
    for (std::uint64_t i = 0; i < lines; ++i)
      out << line;
    out << "C: \nS: a1 OK APPEND completed\nC: a2 LOGOUT\nS: * BYE bye\nS: a2 OK done\n";
  }
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.out.substr(0, 3000);
  const json j = report(r);
  ASSERT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(j["connections"][0]["commands"], 2);
  EXPECT_EQ(j["connections"][0]["final_state"], "logout");
}

TEST(HostileInput, LiteralSizeBeyondSixtyFourBits) {
  TempDir dir;
  const std::string path = dir.file("literal-huge-number.txt");
  std::ofstream(path) << kGreeting << "C: a1 APPEND INBOX {99999999999999999999}\nS: a1 BAD no\n";
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const json j = report(r);
  ASSERT_FALSE(j["violations"].empty());
  EXPECT_EQ(j["violations"][0]["severity"], "error");
}

// A raw capture writer: a pcap header, then one record per IP packet, straight to disk.
class PcapStream {
 public:
  explicit PcapStream(const std::string& path) : out_(path, std::ios::binary) {
    out_ << pcap::pcap_header(pcap::kLinkRaw);
  }
  void packet(const std::string& ip) {
    pcap::Record r;
    r.fraction = static_cast<std::uint32_t>(++count_ % 1000000);
    r.data = ip;
    out_ << pcap::pcap_record(r);
  }
  void segment(const std::string& src, std::uint16_t sport, const std::string& dst,
               std::uint16_t dport, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
               const std::string& payload = {}) {
    packet(pcap::tcp_ip(src, sport, dst, dport, seq, ack, flags, payload));
  }

 private:
  std::ofstream out_;
  std::uint64_t count_ = 0;
};

const std::string kClient = pcap::address("10.0.0.1");
const std::string kServer = pcap::address("10.0.0.2");

TEST(HostileInput, TenMegabyteLineWithoutCrlfInACapture) {
  TempDir dir;
  const std::string path = dir.file("long-line.pcap");
  {
    PcapStream pcap(path);
    using namespace pcap;
    pcap.segment(kClient, 40000, kServer, 143, 1000, 0, kSyn);
    pcap.segment(kServer, 143, kClient, 40000, 5000, 1001, kSyn | kAck);
    const std::string greeting = "* OK [CAPABILITY IMAP4rev2] ready\r\n";
    pcap.segment(kServer, 143, kClient, 40000, 5001, 1001, kPsh | kAck, greeting);
    const auto server_next = static_cast<std::uint32_t>(5001 + greeting.size());
    std::uint32_t seq = 1001;
    const std::string chunk = "a1 NOOP " + std::string(1392, 'x');
    for (int i = 0; i < (10 << 20) / 1400; ++i) {
      pcap.segment(kClient, 40000, kServer, 143, seq, server_next, kAck, chunk);
      seq += static_cast<std::uint32_t>(chunk.size());
    }
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  const json j = report(r);
  ASSERT_EQ(j["connections"].size(), 1u);
  // The capture ends with the line still open: said, and the unfinished command not judged.
  EXPECT_FALSE(problems(j, "capture-ended").empty()) << r.out.substr(0, 3000);
}

TEST(HostileInput, TenMegabyteLineInATranscript) {
  TempDir dir;
  const std::string path = dir.file("long-line.txt");
  {
    std::ofstream out(path);
    out << kGreeting << "C: a1 NOOP " << std::string(10 << 20, 'x') << "\nS: a1 BAD too long\n";
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  const json j = report(r);
  ASSERT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(j["connections"][0]["commands"], 1);
  // Excerpts stay short lines however long the line was.
  for (const json& v : j["violations"])
    EXPECT_LT(v["excerpt"].get<std::string>().size(), 1000u);
}

TEST(HostileInput, HundredThousandNestedParenthesesInACommand) {
  TempDir dir;
  const std::string path = dir.file("nested-command.txt");
  std::ofstream(path) << kGreeting << "C: a1 FETCH 1 " << std::string(100000, '(')
                      << std::string(100000, ')') << "\nS: a1 BAD nesting\n";
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(report(r)["violations"].empty());
}

TEST(HostileInput, HundredThousandNestedParenthesesInAResponse) {
  TempDir dir;
  const std::string path = dir.file("nested-response.txt");
  std::ofstream(path) << kGreeting << "C: a1 NOOP\nS: * 1 FETCH " << std::string(100000, '(')
                      << std::string(100000, ')') << "\nS: a1 OK done\n";
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(report(r)["violations"].empty());
}

TEST(HostileInput, MillionsOfPipelinedCommandsNeverAnswered) {
  TempDir dir;
  const std::string path = dir.file("pipeline.txt");
  const std::uint64_t commands = 2000000 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting;
    for (std::uint64_t i = 0; i < commands; ++i)
      out << "C: a" << i << " NOOP\n";
  }
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = report(r);
  ASSERT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(j["connections"][0]["commands"], commands);
  const auto limits = problems(j, "resource-limit");
  ASSERT_EQ(limits.size(), 1u) << r.out.substr(0, 3000);
  EXPECT_NE(limits[0].find("commands were in progress at once"), std::string::npos);
}

TEST(HostileInput, MillionsOfTinyCommandsEachAnswered) {
  TempDir dir;
  const std::string path = dir.file("answered.txt");
  const std::uint64_t commands = 1000000 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting;
    for (std::uint64_t i = 0; i < commands; ++i)
      out << "C: a" << i << " NOOP\nS: a" << i << " OK\n";
  }
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = report(r);
  EXPECT_EQ(j["connections"][0]["commands"], commands);
  EXPECT_EQ(j["summary"]["errors"], 0);
}

TEST(HostileInput, MillionsOfEmptyLiteralsInOneCommand) {
  TempDir dir;
  const std::string path = dir.file("literals.txt");
  const std::uint64_t literals = 3000000 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting << "C: a1 APPEND INBOX {0+}\n";
    for (std::uint64_t i = 0; i < literals; ++i)
      out << "C:  {0+}\n";
    out << "C: \nS: a1 BAD what\n";
  }
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(report(r)["violations"].empty());
}

TEST(HostileInput, HugeMailboxShrunkOneExpungeAtATime) {
  TempDir dir;
  const std::string path = dir.file("expunge.txt");
  const std::uint64_t expunges = 400000 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting << "C: a1 SELECT INBOX\nS: * 4294967295 EXISTS\nS: a1 OK [READ-WRITE] done\n"
        << "C: a2 SELECT INBOX\nS: * 4294967295 EXISTS\n";
    // Each EXPUNGE renumbers every later message: the model must not shift them all.
    for (std::uint64_t i = 0; i < expunges; ++i)
      out << "S: * " << (i % 3 == 0 ? 1 : 500000) << " EXPUNGE\n";
    out << "S: a2 OK [READ-WRITE] done\n";
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  ASSERT_EQ(report(r)["connections"].size(), 1u);
}

// A million messages of which only the first and last have known UIDs, and UID STOREs
// naming every UID between: each UID is looked up in the model (store.fetch-missing), which
// must stay O(log n) per lookup however few UIDs are known.
TEST(HostileInput, UidStoresInAHugeMailboxWithFewKnownUids) {
  TempDir dir;
  const std::string path = dir.file("uid-store.txt");
  const std::uint64_t stores = 200 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting << "C: a1 SELECT INBOX\nS: * 1000000 EXISTS\n"
        << "S: * OK [PERMANENTFLAGS (\\Seen \\Deleted)] ok\nS: a1 OK [READ-WRITE] done\n"
        << "C: a2 FETCH 1,1000000 (UID FLAGS)\nS: * 1 FETCH (UID 1 FLAGS ())\n"
        << "S: * 1000000 FETCH (UID 2000000 FLAGS ())\nS: a2 OK done\n";
    for (std::uint64_t i = 0; i < stores; ++i) {
      out << "C: s" << i << " UID STORE 2:999999 +FLAGS (\\Seen)\nS: s" << i << " OK done\n";
    }
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  ASSERT_EQ(report(r)["connections"].size(), 1u);
}

TEST(HostileInput, MailboxGrowingOneMessageAtATime) {
  TempDir dir;
  const std::string path = dir.file("exists.txt");
  const std::uint64_t messages = 400000 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting << "C: a1 SELECT INBOX\nS: * 0 EXISTS\nS: a1 OK [READ-WRITE] done\n"
        << "C: a2 IDLE\nS: + idling\n";
    for (std::uint64_t i = 1; i <= messages; ++i)
      out << "S: * " << i << " EXISTS\nS: * " << i << " FETCH (UID " << i << ")\n";
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  ASSERT_EQ(report(r)["connections"].size(), 1u);
}

TEST(HostileInput, ViolationsPastTheLimitAreCountedNotKept) {
  TempDir dir;
  const std::string path = dir.file("unknown-tags.txt");
  const std::uint64_t responses = 300000 / kScale;
  {
    std::ofstream out(path);
    out << kGreeting;
    for (std::uint64_t i = 0; i < responses; ++i)
      out << "S: x" << i << " OK never asked\n";
  }
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const json j = report(r);
  // Every finding is counted in the summary; only 1,000 of a rule per connection are listed.
  const std::uint64_t listed = j["violations"].size();
  const std::uint64_t counted =
      j["summary"]["errors"].get<std::uint64_t>() + j["summary"]["warnings"].get<std::uint64_t>();
  EXPECT_GE(counted, responses);
  EXPECT_LT(listed, counted);
  const auto limits = problems(j, "resource-limit");
  ASSERT_EQ(limits.size(), 1u) << r.out.substr(0, 3000);
  EXPECT_NE(limits[0].find("more violations were counted but not listed"), std::string::npos);
}

TEST(HostileInput, TranscriptWithNulBytesAndInvalidUtf8) {
  TempDir dir;
  const std::string path = dir.file("nul.txt");
  static constexpr char kLogin[] = "C: a1 LOGIN \"al\0ce\" \"\xff\xfe\xc3\x28\"\n";
  std::ofstream(path, std::ios::binary)
      << kGreeting << std::string(kLogin, sizeof kLogin - 1) << "S: a1 OK \x80\x81 done\n";
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const json j = report(r);
  EXPECT_FALSE(j["violations"].empty());
  // Excerpts show control bytes escaped, so the report stays valid JSON and one line each.
  for (const json& v : j["violations"])
    EXPECT_EQ(v["excerpt"].get<std::string>().find('\0'), std::string::npos);
}

TEST(HostileInput, RandomBytesAreNotAnInput) {
  TempDir dir;
  const std::string path = dir.file("random.bin");
  {
    std::ofstream out(path, std::ios::binary);
    std::mt19937_64 random(8);
    for (int i = 0; i < (5 << 20) / 8; ++i) {
      const std::uint64_t v = random();
      out.write(reinterpret_cast<const char*>(&v), sizeof v);
    }
  }
  expect_one_line_error(check(path), path);
}

TEST(HostileInput, CaptureWithAWrongMagicNumber) {
  TempDir dir;
  const std::string path = dir.file("wrong-magic.pcap");
  std::string bytes = pcap::pcap_header(pcap::kLinkRaw);
  bytes[0] = '\x01';  // neither a pcap nor a pcapng magic
  std::ofstream(path, std::ios::binary) << bytes << std::string(1000, '\0');
  expect_one_line_error(check(path), path);
}

// A capture of one IMAP greeting, then `tail` appended as is.
std::string greeting_capture() {
  pcap::Conversation c("10.0.0.1", 40000, "10.0.0.2", 143, pcap::as_is);
  c.handshake();
  c.server("* OK [CAPABILITY IMAP4rev2] ready\r\n");
  return pcap::pcap_file(pcap::kLinkRaw, c.records());
}

TEST(HostileInput, CaptureWithATruncatedRecord) {
  TempDir dir;
  const std::string path = dir.file("truncated.pcap");
  std::string tail;
  pcap::put32le(tail, 1700000001);
  pcap::put32le(tail, 0);
  pcap::put32le(tail, 100);  // 100 bytes announced, 10 present
  pcap::put32le(tail, 100);
  tail += std::string(10, 'x');
  std::ofstream(path, std::ios::binary) << greeting_capture() << tail;
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(problems(report(r), "truncated").empty()) << r.out.substr(0, 3000);
}

TEST(HostileInput, CaptureWithCaplenLargerThanThePacket) {
  TempDir dir;
  const std::string path = dir.file("caplen.pcap");
  std::string tail;
  pcap::put32le(tail, 1700000001);
  pcap::put32le(tail, 0);
  pcap::put32le(tail, 80);  // 80 bytes captured of a 40-byte packet
  pcap::put32le(tail, 40);
  tail +=
      pcap::tcp_ip(kClient, 40000, kServer, 143, 1001, 5036, pcap::kAck, "") + std::string(40, 'z');
  std::ofstream(path, std::ios::binary) << greeting_capture() << tail;
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(report(r)["connections"].size(), 1u) << r.out.substr(0, 3000);
}

TEST(HostileInput, CaptureClaimingATwoGigabyteRecord) {
  TempDir dir;
  const std::string path = dir.file("caplen-2g.pcap");
  std::string tail;
  pcap::put32le(tail, 1700000001);
  pcap::put32le(tail, 0);
  pcap::put32le(tail, 0x80000000u);
  pcap::put32le(tail, 0x80000000u);
  tail += std::string(64, 'x');
  std::ofstream(path, std::ios::binary) << greeting_capture() << tail;
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = report(r);
  EXPECT_FALSE(problems(j, "corrupt").empty() && problems(j, "truncated").empty())
      << r.out.substr(0, 3000);
}

TEST(HostileInput, TcpSegmentsWithAbsurdSequenceJumps) {
  TempDir dir;
  const std::string path = dir.file("seq-jumps.pcap");
  {
    PcapStream pcap(path);
    using namespace pcap;
    pcap.segment(kClient, 40000, kServer, 143, 1000, 0, kSyn);
    pcap.segment(kServer, 143, kClient, 40000, 5000, 1001, kSyn | kAck);
    pcap.segment(kServer, 143, kClient, 40000, 5001, 1001, kPsh | kAck, "* OK ready\r\n");
    std::mt19937 random(3);
    const std::string chunk(1400, 'q');
    for (int i = 0; i < 40000; ++i)
      pcap.segment(kClient, 40000, kServer, 143, static_cast<std::uint32_t>(random()), 5013, kAck,
                   chunk);
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  const json j = report(r);
  ASSERT_EQ(j["connections"].size(), 1u);
  EXPECT_FALSE(problems(j, "gap").empty()) << r.out.substr(0, 3000);
}

TEST(HostileInput, SynFloodOfAHundredThousandConnections) {
  TempDir dir;
  const std::string path = dir.file("syn-flood.pcap");
  const std::uint32_t connections = 100000;
  {
    PcapStream pcap(path);
    using namespace pcap;
    // Each one answered and greeted, so each would be analyzed: a session apiece, were they
    // all kept.
    for (std::uint32_t i = 0; i < connections; ++i) {
      std::string client = kClient;
      client[2] = static_cast<char>(i >> 16);
      client[3] = static_cast<char>(i >> 8);
      const auto port = static_cast<std::uint16_t>(1024 + (i & 0xff));
      pcap.segment(client, port, kServer, 143, 1000, 0, kSyn);
      pcap.segment(kServer, 143, client, port, 5000, 1001, kSyn | kAck);
      pcap.segment(kServer, 143, client, port, 5001, 1001, kPsh | kAck, "* OK ready\r\n");
    }
  }
  const BoundedResult r = check(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json j = report(r);
  const auto limits = problems(j, "resource-limit");
  ASSERT_FALSE(limits.empty()) << r.out.substr(0, 3000);
  EXPECT_NE(limits[0].find("connections were not analyzed"), std::string::npos) << limits[0];
  EXPECT_LT(j["connections"].size(), connections);
  EXPECT_GT(j["connections"].size(), 0u);
}

TEST(HostileInput, OutOfOrderDataHeldByManyConnections) {
  TempDir dir;
  const std::string path = dir.file("out-of-order.pcap");
  // 320 connections, each holding 1 MiB after a hole that never fills: 320 MiB if all were
  // kept; reassembly's share of the budget gives holes up as gaps instead.
  const std::uint32_t connections = 320 / static_cast<std::uint32_t>(kScale);
  {
    PcapStream pcap(path);
    using namespace pcap;
    const std::string chunk(1400, 'o');
    for (std::uint32_t i = 0; i < connections; ++i) {
      std::string client = kClient;
      client[3] = static_cast<char>(i);
      client[2] = static_cast<char>(i >> 8);
      pcap.segment(client, 40000, kServer, 143, 1000, 0, kSyn);
      pcap.segment(kServer, 143, client, 40000, 5000, 1001, kSyn | kAck);
      pcap.segment(kServer, 143, client, 40000, 5001, 1001, kPsh | kAck, "* OK ready\r\n");
    }
    for (int k = 0; k < 750; ++k) {
      for (std::uint32_t i = 0; i < connections; ++i) {
        std::string client = kClient;
        client[3] = static_cast<char>(i);
        client[2] = static_cast<char>(i >> 8);
        pcap.segment(client, 40000, kServer, 143, static_cast<std::uint32_t>(2001 + k * 1400), 5013,
                     kAck, chunk);
      }
    }
  }
  const BoundedResult r = check(path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  const json j = report(r);
  EXPECT_EQ(j["connections"].size(), connections);
  EXPECT_FALSE(problems(j, "gap").empty());
}

TEST(HostileInput, MaxMemoryOptionIsValidated) {
  const BoundedResult r = run_imapscope_bounded(
      {"check", "--max-memory", "1", "samples/rfc/rfc9051-commands.txt"}, kTimeout);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--max-memory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace imapscope::testing
