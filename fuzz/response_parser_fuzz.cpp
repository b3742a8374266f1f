// Frames arbitrary server bytes with analyzer::Framer and parses every message as a response,
// with the lenient parser and with the strict grammar (analyzer/grammar/) under both profiles,
// and round-trips the typed views through the canonical printer (fuzz/typed_round_trip.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzer/grammar/grammar.h"
#include "analyzer/response.h"
#include "fuzz/fuzz_util.h"
#include "fuzz/typed_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imapscope;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz::frame(analyzer::Direction::kServerToClient, bytes, [](analyzer::Message& m) {
    analyzer::Response r;
    analyzer::SyntaxError err;
    if (analyzer::parse_response(m, r, err)) {
      std::size_t sum = r.tag.size() + r.text.size() + r.name.size() + r.args.size();
      for (std::string_view cap : r.capabilities)
        sum += cap.size();
      if (r.code) sum += r.code->name.size() + r.code->text.size();
      volatile std::size_t sink = sum;
      (void)sink;
      fuzz::typed_response_round_trip(m, r);
    }
    for (const bool rev2 : {false, true}) {
      const analyzer::grammar::Result g = analyzer::grammar::validate_response(m, {rev2, rev2});
      volatile std::size_t sink = g.deviations.size() + g.error.column;
      (void)sink;
    }
  });
  return 0;
}
