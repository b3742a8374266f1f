// The grammar benchmark (issue #3, see bench/README.md): realistic server response streams
// run through what the session runs on every server message — the literal-aware framer
// (analyzer/framer.h), the lenient parse (analyzer/response.h), the FETCH item reader
// (analyzer/message_data.h) and the strict grammar (analyzer/grammar/grammar.h) — in
// TCP-sized chunks. Each stream is verified before it is timed: every message must frame,
// parse and validate without error or deviation, so the figures measure the valid path the
// benchmark claims to measure.
//
//   imapscope_grammar_bench [--benchmark_filter=REGEX] [--benchmark_min_time=0.5]
//
// Reported per stream: bytes/s, and "lines" (lines framed per second; a literal counts as
// part of the line that announced it).

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analyzer/framer.h"
#include "analyzer/grammar/grammar.h"
#include "analyzer/message_data.h"
#include "analyzer/response.h"

namespace {

using imapscope::analyzer::Direction;
using imapscope::analyzer::Literal;
using imapscope::analyzer::Message;

constexpr std::size_t kStreamBytes = 4 << 20;  // each stream is about this long
constexpr std::size_t kChunk = 1448;           // one Ethernet TCP segment's payload

// Frames, parses and validates every server message, counting what went wrong.
class ResponseChecker final : public imapscope::analyzer::FramerSink {
 public:
  void on_literal_announced(const Message&, const Literal&) override {}
  void on_literal_begin(const Message&, const Literal&) override {}
  void on_message(Message& m) override {
    ++messages_;
    lines_ += m.lines.size();
    imapscope::analyzer::Response r;
    imapscope::analyzer::SyntaxError err;
    if (!imapscope::analyzer::parse_response(m, r, err)) {
      ++failures_;
      return;
    }
    if (r.kind == imapscope::analyzer::ResponseKind::kUntaggedNumber && r.name == "FETCH") {
      const imapscope::analyzer::FetchData d = imapscope::analyzer::read_fetch(r, m);
      if (!d.well_formed) ++failures_;
    }
    const imapscope::analyzer::grammar::Result g =
        imapscope::analyzer::grammar::validate_response(m, options_);
    if (!g.valid || !g.deviations.empty()) ++failures_;
  }

  std::uint64_t messages() const { return messages_; }
  std::uint64_t lines() const { return lines_; }
  std::uint64_t failures() const { return failures_; }

 private:
  imapscope::analyzer::grammar::Options options_{true, true};
  std::uint64_t messages_ = 0;
  std::uint64_t lines_ = 0;
  std::uint64_t failures_ = 0;
};

// Feeds `stream` through a fresh framer in TCP-sized chunks.
void run(std::string_view stream, ResponseChecker& checker) {
  imapscope::analyzer::Framer framer(Direction::kServerToClient, checker);
  const imapscope::analyzer::Origin origin;
  for (std::size_t at = 0; at < stream.size(); at += kChunk)
    framer.feed(stream.substr(at, kChunk), origin);
  framer.finish();
}

// Repeats `make(i)` for i = 1, 2, ... until the stream holds about kStreamBytes.
template <typename Make>
std::string stream_of(Make make) {
  std::string s;
  for (std::uint32_t i = 1; s.size() < kStreamBytes; ++i)
    s += make(i);
  return s;
}

// What Dovecot answers to FETCH n (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)
// for a multipart/alternative message with an attachment.
std::string envelope_fetch(std::uint32_t n) {
  const std::string num = std::to_string(n);
  return "* " + num + " FETCH (UID " + std::to_string(1000 + n) +
         " FLAGS (\\Seen $NotJunk) INTERNALDATE \"17-Jul-2024 02:44:25 -0700\" RFC822.SIZE " +
         std::to_string(4000 + n % 977) +
         " ENVELOPE (\"Wed, 17 Jul 2024 02:23:25 -0700\" \"Re: quarterly report " + num +
         "\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" "
         "\"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
         "((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")"
         "(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL "
         "\"<B27397-0100000@cac.washington.edu>\" "
         "\"<report-" +
         num +
         "@example.org>\") BODYSTRUCTURE (((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL "
         "\"quoted-printable\" 1315 42 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"utf-8\") "
         "NIL NIL \"quoted-printable\" 2845 61 NIL NIL NIL NIL) \"alternative\" (\"boundary\" "
         "\"b2_" +
         num +
         "\") NIL NIL NIL)(\"application\" \"pdf\" (\"name\" \"report.pdf\") NIL NIL \"base64\" "
         "82214 NIL (\"attachment\" (\"filename\" \"report.pdf\")) NIL NIL) \"mixed\" "
         "(\"boundary\" \"b1_" +
         num + "\") NIL NIL NIL))\r\n";
}

// FETCH n BODY[] with a 256 KiB message as a literal, as a client downloading mail sees it.
std::string literal_fetch(std::uint32_t n) {
  static const std::string body = [] {
    std::string b =
        "From: Terry Gray <gray@cac.washington.edu>\r\nSubject: report\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n";
    while (b.size() < (256u << 10) - 80)
      b += "The quick brown fox jumps over the lazy dog, again and again and again.\r\n";
    return b;
  }();
  return "* " + std::to_string(n) + " FETCH (UID " + std::to_string(1000 + n) + " BODY[] {" +
         std::to_string(body.size()) + "}\r\n" + body + ")\r\n";
}

// SEARCH over a big mailbox: 20,000 numbers on one line, then the tagged OK.
std::string long_search(std::uint32_t n) {
  std::string s = "* SEARCH";
  for (std::uint32_t i = 1; i <= 20000; ++i)
    s += " " + std::to_string(i * 3 + n % 3);
  return s + "\r\na" + std::to_string(n) + " OK SEARCH completed (0.012 + 0.000 secs).\r\n";
}

// The short lines of a busy session: NOOP/IDLE updates and their completions.
std::string short_lines(std::uint32_t n) {
  const std::string num = std::to_string(n);
  switch (n % 6) {
    case 0:
      return "* " + num + " EXISTS\r\n";
    case 1:
      return "* " + num + " EXPUNGE\r\n";
    case 2:
      return "* " + num + " FETCH (FLAGS (\\Seen))\r\n";
    case 3:
      return "* " + num + " FETCH (UID " + num + " FLAGS (\\Seen \\Answered))\r\n";
    case 4:
      return "* OK [UIDNEXT " + num + "] Predicted next UID\r\n";
    default:
      return "a" + num + " OK NOOP completed (0.001 + 0.000 secs).\r\n";
  }
}

void bench_stream(benchmark::State& state, const char* name, const std::string& stream) {
  {
    ResponseChecker check;
    run(stream, check);
    if (check.failures() != 0 || check.messages() == 0) {
      std::fprintf(stderr, "%s: %llu of %llu messages did not frame, parse and validate\n", name,
                   static_cast<unsigned long long>(check.failures()),
                   static_cast<unsigned long long>(check.messages()));
      std::exit(1);
    }
  }
  std::uint64_t lines = 0;
  for (auto _ : state) {
    ResponseChecker checker;
    run(stream, checker);
    lines += checker.lines();
    benchmark::DoNotOptimize(checker.messages());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(stream.size()));
  state.counters["lines"] =
      benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
}

void BM_EnvelopeBodystructure(benchmark::State& state) {
  static const std::string stream = stream_of(envelope_fetch);
  bench_stream(state, "EnvelopeBodystructure", stream);
}
void BM_LiteralBodies(benchmark::State& state) {
  static const std::string stream = stream_of(literal_fetch);
  bench_stream(state, "LiteralBodies", stream);
}
void BM_LongSearch(benchmark::State& state) {
  static const std::string stream = stream_of(long_search);
  bench_stream(state, "LongSearch", stream);
}
void BM_ShortLines(benchmark::State& state) {
  static const std::string stream = stream_of(short_lines);
  bench_stream(state, "ShortLines", stream);
}

BENCHMARK(BM_EnvelopeBodystructure)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LiteralBodies)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongSearch)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShortLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
