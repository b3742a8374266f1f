// Times `imapscope check` on capture files (the ones bench/make_capture.cpp writes): the whole
// pipeline, from libpcap to the rules, as check_inputs() runs it for the CLI. For each file it
// prints its size, its packets, the CPU and wall time, MB/s and packets/s per CPU second, and
// the process's peak resident memory. The analysis is verified before the figures count: a
// generated capture is a valid exchange, so any error means the benchmark measured something else
// than it claims.
//
//   imapscope_capture_bench FILE.pcap...    (one file per run gives each its own peak memory)

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "checks/checker.h"

namespace {

// Packet records in a little-endian microsecond pcap, counted from their headers. Records are
// read through, not seeked over: a seek per record (an lseek each) cost more than the analysis
// being measured, and filled every profile of this program.
std::uint64_t count_packets(const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"),
                                                           &std::fclose);
  if (!in) return 0;
  std::vector<char> buffer(1 << 20);
  std::setvbuf(in.get(), buffer.data(), _IOFBF, buffer.size());
  std::vector<char> skipped;
  unsigned char header[24];
  if (std::fread(header, 1, sizeof header, in.get()) != sizeof header) return 0;
  std::uint64_t packets = 0;
  unsigned char record[16];
  while (std::fread(record, 1, sizeof record, in.get()) == sizeof record) {
    std::uint32_t captured = 0;
    for (int i = 3; i >= 0; --i)
      captured = captured << 8 | record[8 + i];
    skipped.resize(captured);
    if (std::fread(skipped.data(), 1, captured, in.get()) != captured) break;
    ++packets;
  }
  return packets;
}

// CPU time (user + system) of the process so far: on a busy machine it, not the wall clock,
// tells what the analysis costs.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: imapscope_capture_bench FILE.pcap...\n", stderr);
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    const auto size = static_cast<double>(std::filesystem::file_size(path));
    const std::uint64_t packets = count_packets(path);
    imapscope::checks::CheckOptions options;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    const imapscope::checks::CheckResult r = imapscope::checks::check_inputs({path}, options);
    const double seconds = cpu_seconds() - cpu_start;
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.error) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), r.error->message.c_str());
      return 2;
    }
    std::uint64_t commands = 0;
    for (const auto& c : r.analysis.connections)
      commands += c.commands;
    const std::size_t errors = r.analysis.count(imapscope::checks::Severity::kError);
    std::printf(
        "%s: %.1f MB, %llu packets, %zu connections, %llu commands, %zu errors, %zu warnings: "
        "%.3f s CPU (%.3f s wall), %.1f MB/s, %.0f packets/s of CPU time, peak RSS %.1f MB\n",
        path.c_str(), size / 1e6, static_cast<unsigned long long>(packets),
        r.analysis.connections.size(), static_cast<unsigned long long>(commands), errors,
        r.analysis.count(imapscope::checks::Severity::kWarning), seconds, wall,
        size / 1e6 / seconds, static_cast<double>(packets) / seconds,
        static_cast<double>(peak_rss_kib()) / 1024.0);
    if (errors != 0 || r.analysis.connections.empty()) {
      std::fprintf(stderr, "%s: the analysis is not the expected clean one\n", path.c_str());
      status = 1;
    }
  }
  return status;
}
