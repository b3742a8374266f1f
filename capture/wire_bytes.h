#pragma once
// Reading the fixed-width fields of packet headers. Network protocols put them in network byte
// order (big-endian, RFC 1700 "Data Notations"); a few capture headers use the byte order of
// the machine that wrote them.

#include <cstddef>
#include <cstdint>
#include <span>

namespace imapscope::capture {

using Bytes = std::span<const std::uint8_t>;

constexpr std::uint16_t load_be16(Bytes b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

constexpr std::uint32_t load_be32(Bytes b, std::size_t at) {
  return static_cast<std::uint32_t>(b[at]) << 24 | static_cast<std::uint32_t>(b[at + 1]) << 16 |
         static_cast<std::uint32_t>(b[at + 2]) << 8 | static_cast<std::uint32_t>(b[at + 3]);
}

constexpr std::uint32_t load_le32(Bytes b, std::size_t at) {
  return static_cast<std::uint32_t>(b[at + 3]) << 24 | static_cast<std::uint32_t>(b[at + 2]) << 16 |
         static_cast<std::uint32_t>(b[at + 1]) << 8 | static_cast<std::uint32_t>(b[at]);
}

}  // namespace imapscope::capture
