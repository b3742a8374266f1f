// Writes the input to a memfd and reads it with capture::read_transcript.
#include <cstddef>
#include <cstdint>

#include "capture/transcript_reader.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imapscope;
  fuzz::MemFile file(data, size);
  fuzz::CountingStreamSink sink;
  (void)capture::read_transcript(file.path(), 1, sink);
  return 0;
}
