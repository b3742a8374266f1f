// Writes the input to a memfd and reads it as a capture. identify_input picks pcap or pcapng
// from the magic; inputs with neither are forced through the pcap reader.
#include <cstddef>
#include <cstdint>
#include <variant>

#include "capture/input.h"
#include "capture/pcap_reader.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imapscope;
  fuzz::MemFile file(data, size);
  fuzz::CountingStreamSink sink;
  capture::ConnectionId next_id = 1;
  auto spec = capture::identify_input(file.path());
  if (auto* s = std::get_if<capture::InputSpec>(&spec);
      s != nullptr &&
      (s->kind == capture::InputKind::kPcap || s->kind == capture::InputKind::kPcapng)) {
    (void)capture::read_input(*s, next_id, sink);
  } else {
    (void)capture::read_capture(file.path(), capture::CaptureOptions{}, next_id, sink);
  }
  return 0;
}
