// Writes a large synthetic pcap of many concurrent IMAP sessions, for the capture benchmark:
//
//   imapscope_make_capture --workload literal|command [--size-mb N] [--sessions K]
//                          [--mss BYTES] [--literal BYTES] -o FILE.pcap
//
// Every session is a real TCP connection (SYN, SYN-ACK, ACK, data acknowledging the peer, FIN)
// between its own client port and 10.1.0.1:143, in Ethernet/IPv4, and a valid IMAP exchange:
// greeting, LOGIN, SELECT, then rounds of
//   literal: FETCH n BODY[] answered with a big literal, cut into --mss segments;
//   command: NOOP, UID FETCH n (FLAGS), UID STORE n +FLAGS (\Seen), one small segment each;
// and LOGOUT. The sessions take turns, one exchange each, so all are open at once. The file
// is written as it is made, so its size costs no memory.

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/pcap_builder.h"

namespace {

struct Options {
  bool literal = true;
  std::uint64_t size = 256ull << 20;
  unsigned sessions = 64;
  std::size_t mss = 1448;  // Ethernet's usual TCP payload
  std::size_t literal_size = 256 << 10;
  std::string output;
};

namespace pcap = imapscope::testing::pcap;

// Streams Ethernet/IPv4/TCP frames into a pcap file, made with the tests' pcap builder and
// written as they come (buffered), so the file's size costs no memory.
class PcapWriter {
 public:
  explicit PcapWriter(std::FILE* out) : out_(out) { write(pcap::pcap_header(pcap::kLinkEthernet)); }
  ~PcapWriter() { flush(); }

  // One Ethernet/IPv4/TCP frame, 7 microseconds after the previous one.
  void segment(std::uint32_t src, std::uint16_t sport, std::uint32_t dst, std::uint16_t dport,
               std::uint32_t seq, std::uint32_t ack, std::uint8_t flags, std::string_view data) {
    ++packets_;
    time_us_ += 7;
    constexpr std::uint16_t kDontFragment = 0x4000;
    const std::string tcp = pcap::tcp_header(sport, dport, seq, ack, flags).append(data);
    pcap::Record r;
    r.seconds = static_cast<std::uint32_t>(1700000000 + time_us_ / 1000000);
    r.fraction = static_cast<std::uint32_t>(time_us_ % 1000000);
    r.data = pcap::ethernet(pcap::ipv4(address(src), address(dst), tcp, {}, 0, kDontFragment));
    const std::string record = pcap::pcap_record(r);
    buffer_ += record;
    bytes_ += record.size();
    if (buffer_.size() > (1 << 20)) flush();
  }

  std::uint64_t bytes() const { return bytes_ + 24; }
  std::uint64_t packets() const { return packets_; }

 private:
  static std::string address(std::uint32_t ipv4) {
    std::string a;
    pcap::put32be(a, ipv4);
    return a;
  }
  void write(const std::string& s) { std::fwrite(s.data(), 1, s.size(), out_); }
  void flush() {
    write(buffer_);
    buffer_.clear();
  }

  std::FILE* out_;
  std::string buffer_;
  std::uint64_t bytes_ = 0;
  std::uint64_t packets_ = 0;
  std::uint64_t time_us_ = 0;
};

using pcap::kAck;
using pcap::kFin;
using pcap::kPsh;
using pcap::kSyn;
constexpr std::uint32_t kServer = 0x0a010001;  // 10.1.0.1
constexpr std::uint16_t kImap = 143;
constexpr std::uint32_t kMessages = 1000;

class Session {
 public:
  Session(PcapWriter& w, unsigned index, const Options& o)
      : w_(w),
        o_(o),
        client_(0x0a000000 | (index + 2)),
        port_(static_cast<std::uint16_t>(20000 + index % 40000)),
        cseq_(1000 + index * 7919u),
        sseq_(500000 + index * 104729u) {}

  void open() {
    w_.segment(client_, port_, kServer, kImap, cseq_++, 0, kSyn, {});
    w_.segment(kServer, kImap, client_, port_, sseq_++, cseq_, kSyn | kAck, {});
    w_.segment(client_, port_, kServer, kImap, cseq_, sseq_, kAck, {});
    server(
        "* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR AUTH=PLAIN ID ENABLE IDLE] "
        "ready\r\n");
    exchange("LOGIN bench secret", "");
    exchange("SELECT INBOX",
             "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
             "* OK [PERMANENTFLAGS (\\Seen \\*)] Flags permitted.\r\n"
             "* 1000 EXISTS\r\n* 0 RECENT\r\n"
             "* OK [UIDVALIDITY 1700000000] UIDs valid\r\n"
             "* OK [UIDNEXT 1001] Predicted next UID\r\n",
             "[READ-WRITE] ");
  }

  // One exchange of the workload.
  void step(const std::string& literal) {
    const std::uint32_t n = 1 + step_++ % kMessages;
    const std::string num = std::to_string(n);
    if (o_.literal) {
      exchange("FETCH " + num + " BODY[]", "* " + num + " FETCH (BODY[] {" +
                                               std::to_string(literal.size()) + "}\r\n" + literal +
                                               ")\r\n");
      return;
    }
    switch (step_ % 3) {
      case 0:
        exchange("NOOP", "");
        break;
      case 1:
        exchange("UID FETCH " + num + " (FLAGS)",
                 "* " + num + " FETCH (UID " + num + " FLAGS (\\Seen))\r\n");
        break;
      default:
        exchange("UID STORE " + num + " +FLAGS (\\Seen)",
                 "* " + num + " FETCH (UID " + num + " FLAGS (\\Seen))\r\n");
        break;
    }
  }

  void close() {
    exchange("LOGOUT", "* BYE Logging out\r\n");
    w_.segment(kServer, kImap, client_, port_, sseq_++, cseq_, kFin | kAck, {});
    w_.segment(client_, port_, kServer, kImap, cseq_++, sseq_, kFin | kAck, {});
    w_.segment(kServer, kImap, client_, port_, sseq_, cseq_, kAck, {});
  }

 private:
  void exchange(const std::string& command, const std::string& untagged,
                const std::string& code = "") {
    const std::string tag = "a" + std::to_string(++tag_);
    client(tag + " " + command + "\r\n");
    const std::string name = command.substr(0, command.find(' '));
    server(untagged + tag + " OK " + code + name + " completed\r\n");
  }
  void client(std::string_view data) {
    w_.segment(client_, port_, kServer, kImap, cseq_, sseq_, kPsh | kAck, data);
    cseq_ += static_cast<std::uint32_t>(data.size());
  }
  // Server data in segments of at most --mss bytes.
  void server(std::string_view data) {
    while (!data.empty()) {
      const std::string_view piece = data.substr(0, o_.mss);
      w_.segment(kServer, kImap, client_, port_, sseq_, cseq_, kPsh | kAck, piece);
      sseq_ += static_cast<std::uint32_t>(piece.size());
      data.remove_prefix(piece.size());
    }
  }

  PcapWriter& w_;
  const Options& o_;
  std::uint32_t client_;
  std::uint16_t port_;
  std::uint32_t cseq_;
  std::uint32_t sseq_;
  std::uint32_t tag_ = 0;
  std::uint32_t step_ = 0;
};

// A message of `size` bytes: header lines, then body lines of text.
std::string message(std::size_t size) {
  std::string m =
      "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\n"
      "Subject: benchmark\r\n\r\n";
  const std::string line =
      "The quick brown fox jumps over the lazy dog, again and again, for the bench.\r\n";
  while (m.size() + line.size() <= size)
    m += line;
  m.append(size - m.size(), '.');
  return m;
}

int usage() {
  std::fputs(
      "usage: imapscope_make_capture --workload literal|command [--size-mb N] "
      "[--sessions K] [--mss BYTES] [--literal BYTES] -o FILE.pcap\n",
      stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (value == nullptr) return usage();
    ++i;
    if (arg == "--workload") {
      if (std::strcmp(value, "literal") != 0 && std::strcmp(value, "command") != 0) return usage();
      o.literal = std::strcmp(value, "literal") == 0;
    } else if (arg == "--size-mb") {
      o.size = std::strtoull(value, nullptr, 10) << 20;
    } else if (arg == "--sessions") {
      o.sessions = static_cast<unsigned>(std::strtoul(value, nullptr, 10));
    } else if (arg == "--mss") {
      o.mss = std::strtoul(value, nullptr, 10);
    } else if (arg == "--literal") {
      o.literal_size = std::strtoul(value, nullptr, 10);
    } else if (arg == "-o") {
      o.output = value;
    } else {
      return usage();
    }
  }
  if (o.output.empty() || o.sessions == 0 || o.mss == 0 || o.sessions > 60000) return usage();
  std::FILE* out = std::fopen(o.output.c_str(), "wb");
  if (out == nullptr) {
    std::perror(o.output.c_str());
    return 2;
  }
  const std::string literal = message(o.literal_size);
  std::uint64_t packets = 0, bytes = 0;
  {
    PcapWriter w(out);
    std::vector<Session> sessions;
    sessions.reserve(o.sessions);
    for (unsigned i = 0; i < o.sessions; ++i) {
      sessions.emplace_back(w, i, o);
      sessions.back().open();
    }
    while (w.bytes() < o.size) {
      for (Session& s : sessions)
        s.step(literal);
    }
    for (Session& s : sessions)
      s.close();
    packets = w.packets();
    bytes = w.bytes();
  }
  std::fclose(out);
  std::printf("%s: %llu packets, %llu bytes, %u sessions\n", o.output.c_str(),
              static_cast<unsigned long long>(packets), static_cast<unsigned long long>(bytes),
              o.sessions);
  return 0;
}
