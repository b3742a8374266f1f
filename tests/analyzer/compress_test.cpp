// COMPRESS=DEFLATE (RFC 4978): after the tagged OK both directions are raw deflate streams,
// which the session inflates so the analysis goes on.

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "analyzer/session.h"

namespace imapscope::analyzer {
namespace {

// A raw deflate stream (no zlib header), flushed per message as RFC 4978 §4 asks.
class Deflater {
 public:
  Deflater() { deflateInit2(&z_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY); }
  ~Deflater() { deflateEnd(&z_); }
  std::string operator()(const std::string& plain) {
    std::string out(plain.size() + 64, '\0');
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z_.avail_in = static_cast<uInt>(plain.size());
    z_.next_out = reinterpret_cast<Bytef*>(out.data());
    z_.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&z_, Z_SYNC_FLUSH), Z_OK);
    out.resize(out.size() - z_.avail_out);
    return out;
  }

 private:
  z_stream z_{};
};

class Recorder final : public SessionObserver {
 public:
  void on_command(const Command& c, const MessageInfo&) override {
    events.push_back("C " + c.name);
  }
  void on_untagged(const Response& r, const MessageInfo&) override {
    events.push_back("S * " + r.name);
  }
  void on_completion(const Response& r, const InFlightCommand* c, const MessageInfo&) override {
    events.push_back(std::string("S ") + (c ? c->name : "?") + " " +
                     std::string(status_name(r.status)));
  }
  void on_syntax_error(const SyntaxError& e, const MessageInfo&) override {
    events.push_back("syntax " + e.expected);
  }
  std::vector<std::string> events;
};

constexpr Direction kC = Direction::kClientToServer;
constexpr Direction kS = Direction::kServerToClient;

TEST(Compress, BothDirectionsAreInflatedAfterTheOk) {
  Session s;
  Recorder rec;
  s.add_observer(&rec);
  Deflater client;
  Deflater server;
  s.feed(kS, "* PREAUTH [CAPABILITY IMAP4rev2 COMPRESS=DEFLATE] hi\r\n", {});
  s.feed(kC, "a1 COMPRESS DEFLATE\r\n", {});
  // The OK and the first compressed bytes may share one segment.
  s.feed(kS, "a1 OK DEFLATE active\r\n" + server("* 3 EXISTS\r\n"), {});
  s.feed(kC, client("a2 NOOP\r\n"), {});
  s.feed(kS, server("a2 OK done\r\n"), {});
  s.finish();
  EXPECT_TRUE(s.compressed());
  EXPECT_EQ(rec.events, (std::vector<std::string>{"C COMPRESS", "S COMPRESS OK", "S * EXISTS",
                                                  "C NOOP", "S NOOP OK"}));
}

// A transcript of a compressed session written decompressed stays plain text.
TEST(Compress, PlainTextAfterTheOkIsReadAsIs) {
  Session s;
  Recorder rec;
  s.add_observer(&rec);
  s.feed(kS, "* PREAUTH [CAPABILITY IMAP4rev2 COMPRESS=DEFLATE] hi\r\n", {});
  s.feed(kC, "a1 COMPRESS DEFLATE\r\n", {});
  s.feed(kS, "a1 OK DEFLATE active\r\n", {});
  s.feed(kC, "a2 NOOP\r\n", {});
  s.feed(kS, "a2 OK done\r\n", {});
  EXPECT_FALSE(s.compressed());
  EXPECT_EQ(rec.events.back(), "S NOOP OK");
}

// A refused COMPRESS changes nothing.
TEST(Compress, NoAfterCompressKeepsPlainText) {
  Session s;
  Recorder rec;
  s.add_observer(&rec);
  s.feed(kS, "* PREAUTH [CAPABILITY IMAP4rev2] hi\r\n", {});
  s.feed(kC, "a1 COMPRESS DEFLATE\r\n", {});
  s.feed(kS, "a1 NO [COMPRESSIONACTIVE] already\r\n* 1 EXISTS\r\n", {});
  EXPECT_FALSE(s.compressed());
  EXPECT_EQ(rec.events.back(), "S * EXISTS");
}

// Garbage where deflate data should be is a gap, never a crash or invented messages.
TEST(Compress, CorruptDeflateDataIsAGap) {
  Session s;
  Recorder rec;
  s.add_observer(&rec);
  s.feed(kS, "* PREAUTH [CAPABILITY IMAP4rev2 COMPRESS=DEFLATE] hi\r\n", {});
  s.feed(kC, "a1 COMPRESS DEFLATE\r\n", {});
  s.feed(kS, "a1 OK DEFLATE active\r\n", {});
  s.feed(kC, std::string("\xff\xff\xff\xff\x00\x01\x02", 7), {});
  EXPECT_TRUE(s.had_gap());
}

}  // namespace
}  // namespace imapscope::analyzer
