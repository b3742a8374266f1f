#include "capture/ip_defragmenter.h"

#include <algorithm>
#include <utility>

namespace imapscope::capture {

// 65535 is the largest IPv4 total length; an IPv6 payload without jumbogram option is no
// bigger (RFC 8200 §4.5 rejects reassembled lengths past it).
constexpr std::size_t kMaxDatagram = 65535;

struct IpDefragmenter::Datagram {
  std::map<std::uint32_t, std::string> pieces;  // by offset; the first copy of a range wins
  std::optional<std::uint32_t> total;           // known once the last fragment arrived
  std::uint64_t first_packet = 0;
  std::uint64_t arrival = 0;  // for evicting the oldest
  std::size_t bytes = 0;
};

IpDefragmenter::IpDefragmenter(DefragmentLimits limits) : limits_(limits) {}
IpDefragmenter::~IpDefragmenter() = default;

void IpDefragmenter::drop(std::map<Key, std::unique_ptr<Datagram>>::iterator it,
                          std::string reason) {
  bytes_ -= it->second->bytes;
  abandoned_.push_back(AbandonedDatagram{it->second->first_packet, std::move(reason)});
  datagrams_.erase(it);
}

std::optional<std::string> IpDefragmenter::add(const IpPacket& packet,
                                               std::uint64_t packet_number) {
  const Key key{packet.source, packet.destination, packet.identification,
                packet.source.version == 4 ? packet.protocol : std::uint8_t{0}};
  auto it = datagrams_.find(key);
  if (it == datagrams_.end()) {
    while (!datagrams_.empty() && (datagrams_.size() >= limits_.max_datagrams ||
                                   bytes_ + packet.payload.size() > limits_.max_bytes)) {
      auto oldest = std::min_element(datagrams_.begin(), datagrams_.end(), [](auto& a, auto& b) {
        return a.second->arrival < b.second->arrival;
      });
      drop(oldest, "too many IP datagrams in reassembly at once; the oldest was given up");
    }
    auto datagram = std::make_unique<Datagram>();
    datagram->first_packet = packet_number;
    datagram->arrival = arrivals_++;
    it = datagrams_.emplace(key, std::move(datagram)).first;
  }
  Datagram& d = *it->second;
  const std::uint64_t end = std::uint64_t{packet.fragment_offset} + packet.payload.size();
  if (end > kMaxDatagram) {
    drop(it, "IP fragments add up to more than 65535 bytes");
    return std::nullopt;
  }
  if (!packet.more_fragments) d.total = static_cast<std::uint32_t>(end);
  if (!packet.payload.empty() && !d.pieces.contains(packet.fragment_offset)) {
    d.pieces.emplace(
        packet.fragment_offset,
        std::string(reinterpret_cast<const char*>(packet.payload.data()), packet.payload.size()));
    d.bytes += packet.payload.size();
    bytes_ += packet.payload.size();
  }
  if (!d.total) return std::nullopt;
  // Complete when the pieces cover [0, total) without a hole.
  std::uint32_t covered = 0;
  for (const auto& [offset, bytes] : d.pieces) {
    if (offset > covered) return std::nullopt;
    covered = std::max<std::uint32_t>(covered, offset + static_cast<std::uint32_t>(bytes.size()));
  }
  if (covered < *d.total) return std::nullopt;
  std::string datagram;
  datagram.reserve(*d.total);
  for (const auto& [offset, bytes] : d.pieces) {
    if (offset + bytes.size() <= datagram.size()) continue;
    datagram.append(bytes, datagram.size() - offset);
  }
  datagram.resize(*d.total);
  bytes_ -= d.bytes;
  datagrams_.erase(it);
  return datagram;
}

std::vector<AbandonedDatagram> IpDefragmenter::take_abandoned() {
  return std::exchange(abandoned_, {});
}

std::vector<AbandonedDatagram> IpDefragmenter::abandon_all() {
  while (!datagrams_.empty())
    drop(datagrams_.begin(), "IP datagram incomplete at the end of the capture");
  return take_abandoned();
}

}  // namespace imapscope::capture
