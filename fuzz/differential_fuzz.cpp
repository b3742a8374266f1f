// The differential property: a session read from a C:/S: transcript and the same session read
// from a pcap capture of the same bytes (a clean TCP connection on port 143: handshake, one
// segment per line, each acknowledging all the peer sent, and a close) yield the same
// violations — the same rules at the same stream offsets of the same directions. Any
// difference means a reader or the reassembly changed the bytes or their order; abort().
//
// The input is read as lines: a line starting with 'S' is server data, any other client data;
// the rest of the line (CR and LF removed) plus CRLF is what that side sends.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "checks/checker.h"
#include "fuzz/fuzz_util.h"
#include "tests/support/pcap_builder.h"

namespace {

using namespace imapscope;

using Finding = std::tuple<std::string, std::uint64_t, int>;

std::multiset<Finding> findings(const checks::CheckResult& result) {
  std::multiset<Finding> out;
  for (const checks::Violation& v : result.analysis.violations) {
    // Judged by where the bytes were seen: only a capture shows a password crossing the wire.
    if (v.rule == "login.cleartext") continue;
    out.emplace(v.rule, v.offset, v.direction ? static_cast<int>(*v.direction) : -1);
  }
  return out;
}

checks::CheckResult check_bytes(const std::string& bytes) {
  fuzz::MemFile file(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  checks::CheckOptions options;
  options.limits.max_line = 4096;
  options.limits.max_message_text = 64 << 10;
  options.limits.max_retained_literal = 1024;
  return checks::check_inputs({file.path()}, options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pcap = imapscope::testing::pcap;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string transcript;
  pcap::Conversation conversation("10.0.0.1", 40000, "10.0.0.2", 143, pcap::as_is);
  conversation.handshake();
  bool any_server = false;
  std::size_t start = 0;
  while (start < input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const bool server = line[0] == 'S';
    std::string body;
    for (char c : line.substr(1))
      if (c != '\r' && c != '\n') body.push_back(c);
    // A transcript comment or blank line is not data; keep both inputs the same.
    transcript += std::string(server ? "S: " : "C: ") + body + "\n";
    if (server)
      conversation.server(body + "\r\n");
    else
      conversation.client(body + "\r\n");
    any_server = any_server || server;
  }
  // Without a server byte the capture cannot tell which side is the server beyond the port;
  // and a transcript that starts with a comment-like first line is read otherwise.
  if (!any_server || transcript.empty()) return 0;
  conversation.close();

  const checks::CheckResult from_transcript = check_bytes(transcript);
  if (from_transcript.error) return 0;  // not a transcript the reader accepts
  const checks::CheckResult from_capture =
      check_bytes(pcap::pcap_file(pcap::kLinkRaw, conversation.records()));
  if (from_capture.error) std::abort();
  if (findings(from_transcript) != findings(from_capture)) std::abort();
  return 0;
}
