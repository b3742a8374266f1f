// Runs the whole pipeline on the input as a file: checks::check_inputs (capture, analyzer and
// every registered rule), then the JSON report into a discarding stream.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "checks/checker.h"
#include "fuzz/fuzz_util.h"
#include "reports/report.h"

namespace {

class NullBuf : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imapscope;
  fuzz::MemFile file(data, size);
  checks::CheckOptions options;
  options.limits.max_line = 4096;
  options.limits.max_message_text = 64 << 10;
  options.limits.max_retained_literal = 1024;
  options.collect_transcript = (size & 1) != 0;
  const checks::CheckResult result = checks::check_inputs({file.path()}, options);
  NullBuf buf;
  std::ostream out(&buf);
  reports::write_json(out, result.analysis, reports::ToolInfo{"imapscope", "fuzz"});
  return 0;
}
