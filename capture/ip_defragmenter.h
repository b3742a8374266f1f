#pragma once
// Puts fragmented IP datagrams back together (RFC 791 §3.2, RFC 8200 §4.5), so a TCP segment
// split by the network still reaches the reassembler whole. Memory is bounded: past a number
// of datagrams in progress (or bytes held), the oldest is given up and reported.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/ip_packet.h"

namespace imapscope::capture {

struct DefragmentLimits {
  std::size_t max_datagrams = 256;    // in progress at once
  std::size_t max_bytes = 16u << 20;  // of fragment data held, over all of them
};

// A datagram given up on: its first fragment's packet number, and why.
struct AbandonedDatagram {
  std::uint64_t first_packet = 0;
  std::string reason;
};

class IpDefragmenter {
 public:
  explicit IpDefragmenter(DefragmentLimits limits = {});
  ~IpDefragmenter();
  IpDefragmenter(const IpDefragmenter&) = delete;
  IpDefragmenter& operator=(const IpDefragmenter&) = delete;

  // Adds one fragment (packet.fragment is true, its payload fully captured). When it completes
  // its datagram, returns the datagram's payload; `packet.protocol` is the datagram's.
  std::optional<std::string> add(const IpPacket& packet, std::uint64_t packet_number);

  // Datagrams given up since the last call (evicted for room, or inconsistent).
  std::vector<AbandonedDatagram> take_abandoned();
  // Everything still incomplete, as given up (at the end of the capture).
  std::vector<AbandonedDatagram> abandon_all();

 private:
  struct Key {
    IpAddress source;
    IpAddress destination;
    std::uint32_t identification = 0;
    std::uint8_t protocol = 0;
    auto operator<=>(const Key&) const = default;
  };
  struct Datagram;

  void drop(std::map<Key, std::unique_ptr<Datagram>>::iterator it, std::string reason);

  DefragmentLimits limits_;
  std::map<Key, std::unique_ptr<Datagram>> datagrams_;
  std::size_t bytes_ = 0;
  std::uint64_t arrivals_ = 0;
  std::vector<AbandonedDatagram> abandoned_;
};

}  // namespace imapscope::capture
