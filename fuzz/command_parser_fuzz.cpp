// Frames arbitrary client bytes with analyzer::Framer and parses every message as a command,
// with the lenient parser and with the strict grammar (analyzer/grammar/) under both profiles,
// and round-trips the typed views through the canonical printer (fuzz/typed_round_trip.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzer/command.h"
#include "analyzer/grammar/grammar.h"
#include "fuzz/fuzz_util.h"
#include "fuzz/typed_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imapscope;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz::frame(analyzer::Direction::kClientToServer, bytes, [](analyzer::Message& m) {
    analyzer::Command cmd;
    analyzer::SyntaxError err;
    if (analyzer::parse_command(m, cmd, err)) {
      volatile std::size_t sink = cmd.tag.size() + cmd.name.size() + cmd.args.size();
      (void)sink;
      fuzz::typed_command_round_trip(m, cmd);
    }
    for (const bool rev2 : {false, true}) {
      const analyzer::grammar::Result r = analyzer::grammar::validate_command(m, {rev2, rev2});
      volatile std::size_t sink = r.deviations.size() + r.error.column;
      (void)sink;
    }
  });
  return 0;
}
