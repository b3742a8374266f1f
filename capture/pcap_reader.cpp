#include "capture/pcap_reader.h"

#include <fcntl.h>
#include <pcap/pcap.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "capture/imap_connection_filter.h"
#include "capture/ip_defragmenter.h"
#include "capture/ip_packet.h"
#include "capture/line_reader.h"
#include "capture/link_layer.h"
#include "capture/standard_input.h"
#include "capture/tcp_reassembly.h"
#include "capture/tcp_segment.h"

namespace imapscope::capture {
namespace {

// Problems tied to no connection are reported for the first few packets of each kind; past
// that they are counted, so a capture with a short snapshot length does not drown the report.
class ConnectionlessProblems {
 public:
  static constexpr int kReportedPerKind = 10;

  explicit ConnectionlessProblems(StreamSink& sink) : sink_(sink) {}

  void report(CaptureProblemKind kind, std::uint64_t packet, std::optional<Timestamp> time,
              std::string message) {
    auto& count = counts_[static_cast<std::size_t>(kind)];
    if (++count > kReportedPerKind) {
      last_packet_[static_cast<std::size_t>(kind)] = packet;
      return;
    }
    sink_.on_capture_problem(
        0, CaptureProblem{kind, packet, time, std::nullopt, std::nullopt, std::move(message)});
  }

  void finish() {
    for (std::size_t k = 0; k < counts_.size(); ++k) {
      if (counts_[k] <= kReportedPerKind) continue;
      sink_.on_capture_problem(
          0, CaptureProblem{static_cast<CaptureProblemKind>(k), last_packet_[k], std::nullopt,
                            std::nullopt, std::nullopt,
                            std::to_string(counts_[k] - kReportedPerKind) +
                                " more packets with this problem, up to this one, are not "
                                "listed"});
    }
  }

 private:
  StreamSink& sink_;
  std::array<std::uint64_t, kCaptureProblemKinds> counts_{};
  std::array<std::uint64_t, kCaptureProblemKinds> last_packet_{};
};

ReassemblyLimits reassembly_limits(const CaptureOptions& options) {
  ReassemblyLimits limits;
  limits.max_buffered_per_direction = options.max_buffered_per_direction;
  limits.max_buffered_total = options.max_buffered_total;
  limits.max_live_connections = options.max_live_connections;
  return limits;
}

struct PcapCloser {
  void operator()(pcap_t* p) const { pcap_close(p); }
};

// One packet record at a time: link layer, IP (with fragments put back together), TCP.
class PacketDecoder {
 public:
  PacketDecoder(int link_type, const CaptureOptions& options, ConnectionId& next_id,
                StreamSink& sink)
      : link_type_(link_type),
        options_(options),
        sink_(sink),
        problems_(sink),
        filter_(options, next_id, sink),
        reassembler_(filter_, reassembly_limits(options)) {}

  void packet(std::uint64_t number, Timestamp time, Bytes frame, std::uint32_t wire_length) {
    if (!is_supported_link_type(link_type_)) {
      if (number == 1) {
        problems_.report(CaptureProblemKind::kUnsupportedLinkType, number, time,
                         "link type " + link_type_name(link_type_) +
                             " is not supported: no packet of this capture is decoded");
      }
      return;
    }
    const bool cut = frame.size() < wire_length;
    LinkPayload link;
    switch (decode_link_layer(link_type_, frame, link)) {
      case LinkResult::kIp:
        break;
      case LinkResult::kNotIp:
        return;
      case LinkResult::kTruncated:
        problems_.report(cut ? CaptureProblemKind::kTruncated : CaptureProblemKind::kCorrupt,
                         number, time, "the packet ends inside its link-layer header");
        return;
    }
    IpPacket ip;
    std::string why;
    switch (decode_ip(link.protocol, frame.subspan(link.offset), ip, why)) {
      case IpResult::kOk:
        break;
      case IpResult::kTruncated:
        problems_.report(cut ? CaptureProblemKind::kTruncated : CaptureProblemKind::kCorrupt,
                         number, time, why);
        return;
      case IpResult::kCorrupt:
        problems_.report(CaptureProblemKind::kCorrupt, number, time, why);
        return;
    }
    std::string datagram;
    if (ip.fragment) {
      if (ip.payload.size() < ip.payload_length) {
        problems_.report(CaptureProblemKind::kFragments, number, time,
                         "IP fragment cut short by the capture: its datagram is lost");
        return;
      }
      auto whole = defragmenter_.add(ip, number);
      for (const AbandonedDatagram& a : defragmenter_.take_abandoned())
        problems_.report(CaptureProblemKind::kFragments, a.first_packet, std::nullopt, a.reason);
      if (!whole) return;
      datagram = std::move(*whole);
      ip.payload = Bytes(reinterpret_cast<const std::uint8_t*>(datagram.data()), datagram.size());
      ip.payload_length = datagram.size();
      ip.fragment = false;
    }
    if (ip.protocol != kIpProtocolTcp) return;
    TcpSegment segment;
    bool ports_known = false;
    switch (decode_tcp(ip, segment, ports_known, why)) {
      case TcpResult::kOk:
        segment.packet = number;
        segment.time = time;
        reassembler_.add(segment);
        return;
      case TcpResult::kTruncated:
        // A cut header hides the segment's sequence number: its bytes become a gap. Said here
        // only when no connection takes it and it may be IMAP.
        if (ports_known) {
          if (reassembler_.add_damaged(segment.source, segment.destination, number, time)) return;
          if (!options_.is_imap_port(segment.source.port) &&
              !options_.is_imap_port(segment.destination.port)) {
            return;
          }
        }
        problems_.report(CaptureProblemKind::kTruncated, number, time, why);
        return;
      case TcpResult::kCorrupt:
        problems_.report(CaptureProblemKind::kCorrupt, number, time, why);
        return;
    }
  }

  // The file could not be read past `number - 1` packets.
  void unreadable(std::uint64_t number, const std::string& error) {
    const bool truncated = error.find("truncated") != std::string::npos;
    problems_.report(truncated ? CaptureProblemKind::kTruncated : CaptureProblemKind::kCorrupt,
                     number, std::nullopt,
                     "packet record " + std::to_string(number) + " cannot be read (" + error +
                         "); the rest of the file is not read");
  }

  void finish() {
    reassembler_.finish();
    if (const std::uint64_t refused = reassembler_.connections_not_analyzed(); refused > 0) {
      sink_.on_capture_problem(
          0, CaptureProblem{CaptureProblemKind::kResourceLimit, 0, std::nullopt, std::nullopt,
                            std::nullopt,
                            std::to_string(refused) + " TCP connections were not analyzed: " +
                                std::to_string(options_.max_live_connections) +
                                " were open at once (the memory limit, --max-memory)"});
    }
    for (const AbandonedDatagram& a : defragmenter_.abandon_all())
      problems_.report(CaptureProblemKind::kFragments, a.first_packet, std::nullopt, a.reason);
    problems_.finish();
  }

 private:
  int link_type_;
  const CaptureOptions& options_;
  StreamSink& sink_;
  ConnectionlessProblems problems_;
  ImapConnectionFilter filter_;
  TcpReassembler reassembler_;
  IpDefragmenter defragmenter_;
};

}  // namespace

std::optional<InputError> read_capture(const std::string& path, const CaptureOptions& options,
                                       ConnectionId& next_id, StreamSink& sink) {
  std::array<char, PCAP_ERRBUF_SIZE> error{};
  // Nanosecond precision reads nanosecond captures without rounding their order away; times
  // are then given in microseconds, as everywhere else.
  // The file's stdio buffer: declared first, so it outlives the stream pcap_close closes.
  constexpr std::size_t kReadBuffer = 1 << 20;
  const auto buffer = std::make_unique<char[]>(kReadBuffer);
  std::unique_ptr<pcap_t, PcapCloser> pcap;
  if (path == "-") {
    // Standard input: its first bytes were already read to tell its kind; this stream gives
    // them back (libpcap cannot seek on a pipe).
    std::FILE* in = standard_input();
    if (in != nullptr) {
      pcap.reset(
          pcap_fopen_offline_with_tstamp_precision(in, PCAP_TSTAMP_PRECISION_NANO, error.data()));
      if (!pcap) std::fclose(in);
    }
  } else if (std::FILE* in = std::fopen(path.c_str(), "rb"); in == nullptr) {
    return InputError{path, 0, std::string("not a readable capture: ") + std::strerror(errno)};
  } else {
    // libpcap reads each record with two freads; stdio's default buffer (one 4 KiB block)
    // turned that into a read(2) every few packets, half the CPU time on big literals.
    std::setvbuf(in, buffer.get(), _IOFBF, kReadBuffer);
    posix_fadvise(fileno(in), 0, 0, POSIX_FADV_SEQUENTIAL);
    pcap.reset(
        pcap_fopen_offline_with_tstamp_precision(in, PCAP_TSTAMP_PRECISION_NANO, error.data()));
    if (!pcap) std::fclose(in);
  }
  if (!pcap) return InputError{path, 0, std::string("not a readable capture: ") + error.data()};
  PacketDecoder decoder(pcap_datalink(pcap.get()), options, next_id, sink);
  std::uint64_t number = 0;
  // Progress: the file position libpcap has read to, every so many packets and at the end.
  std::FILE* file = options.progress ? pcap_file(pcap.get()) : nullptr;
  const std::uint64_t size = regular_file_size(file);
  long reported = 0;
  auto report_progress = [&] {
    const long at = std::ftell(file);
    if (at <= reported) return;
    reported = at;
    options.progress(static_cast<std::uint64_t>(at), size);
  };
  while (true) {
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(pcap.get(), &header, &data);
    if (rc == PCAP_ERROR_BREAK) break;  // end of file
    if (rc == PCAP_ERROR) {
      decoder.unreadable(number + 1, pcap_geterr(pcap.get()));
      break;
    }
    if (rc != 1) continue;
    ++number;
    const Timestamp time = static_cast<Timestamp>(header->ts.tv_sec) * 1000000 +
                           static_cast<Timestamp>(header->ts.tv_usec) / 1000;
    decoder.packet(number, time, Bytes(data, header->caplen), header->len);
    if (file != nullptr && number % 1024 == 0) report_progress();
  }
  if (file != nullptr) report_progress();
  decoder.finish();
  return std::nullopt;
}

}  // namespace imapscope::capture
