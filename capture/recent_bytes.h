#pragma once
// The last in-order bytes of a TCP stream, at most `capacity` of them, kept to compare
// retransmissions with (RFC 9293 §3.10.7.4: a retransmitted segment carries the same bytes;
// when it does not, the capture shows two versions of the stream). A ring buffer: appending a
// segment costs its own length, however full the window, where erasing the front of a string
// moved the whole window on every segment. The buffer grows to the capacity only as bytes come,
// and only as far as the bytes still held need: forget_before() lets the owner drop what it no
// longer needs to compare (bytes the peer acknowledged long ago), so a connection of short
// acknowledged exchanges keeps a small ring, and one whose burst is acknowledged shrinks back.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace imapscope::capture {

class RecentBytes {
 public:
  explicit RecentBytes(std::size_t capacity = 64 << 10) : capacity_(capacity) {}

  // The stream offsets held: [begin(), end()).
  std::uint64_t begin() const { return end_ - size_; }
  std::uint64_t end() const { return end_; }

  // Where the bytes held since the last restart() began: those in [floor(), begin()) were held
  // once and have been dropped (past the capacity, or by forget_before()).
  std::uint64_t floor() const { return floor_; }
  // Bytes of memory the ring takes.
  std::size_t allocated() const { return ring_.size(); }

  // Forgets everything; the next byte appended is at stream offset `offset`.
  void restart(std::uint64_t offset) {
    end_ = offset;
    floor_ = offset;
    size_ = 0;
  }

  // Drops the held bytes before stream offset `offset` (all of them when it is past end()).
  // A ring left at most a quarter full gives half of itself back: after a burst (a window of
  // unacknowledged bytes) a quiet connection returns to a small ring instead of keeping the
  // burst's size for the rest of its life. Halving at a quarter leaves room to grow again
  // without re-laying the ring out on every segment.
  void forget_before(std::uint64_t offset) {
    if (offset <= begin()) return;
    size_ = static_cast<std::size_t>(end_ - std::min(offset, end_));
    if (ring_.size() > kSmallestRing && size_ <= ring_.size() / 4) relayout(ring_.size() / 2);
  }

  void append(std::string_view bytes) {
    if (capacity_ == 0) {
      end_ += bytes.size();
      return;
    }
    if (bytes.size() >= capacity_) {
      end_ += bytes.size() - capacity_;
      bytes = bytes.substr(bytes.size() - capacity_);
      size_ = 0;
    }
    const std::size_t wanted = std::min(capacity_, size_ + bytes.size());
    if (wanted > ring_.size()) relayout(std::max(wanted, std::min(capacity_, ring_.size() * 2)));
    // The byte at stream offset o lives at ring_[o % ring_.size()].
    std::uint64_t at = end_;
    end_ += bytes.size();
    size_ = wanted;
    while (!bytes.empty()) {
      const auto pos = static_cast<std::size_t>(at % ring_.size());
      const std::size_t n = std::min(bytes.size(), ring_.size() - pos);
      ring_.replace(pos, n, bytes.data(), n);
      bytes.remove_prefix(n);
      at += n;
    }
  }

  // Whether the held bytes from stream offset `from` on equal `data`; the range must lie in
  // [begin(), end()).
  bool equal(std::uint64_t from, std::string_view data) const {
    while (!data.empty()) {
      const std::size_t pos = static_cast<std::size_t>(from % ring_.size());
      const std::size_t n = std::min(data.size(), ring_.size() - pos);
      if (std::string_view(ring_).substr(pos, n) != data.substr(0, n)) return false;
      data.remove_prefix(n);
      from += n;
    }
    return true;
  }

 private:
  // Below this a ring is not shrunk: small enough that halving it again saves nothing.
  static constexpr std::size_t kSmallestRing = 4096;

  // Re-lays the held bytes out for a ring of `size` (at least size_) bytes, in at most four
  // copies.
  void relayout(std::size_t size) {
    std::string resized(size, '\0');
    for (std::uint64_t o = begin(); o < end_;) {
      const auto from = static_cast<std::size_t>(o % ring_.size());
      const auto to = static_cast<std::size_t>(o % size);
      const std::size_t n =
          std::min({static_cast<std::size_t>(end_ - o), ring_.size() - from, resized.size() - to});
      resized.replace(to, n, ring_, from, n);
      o += n;
    }
    ring_.swap(resized);
  }

  std::size_t capacity_;
  std::string ring_;
  std::uint64_t end_ = 0;
  std::uint64_t floor_ = 0;
  std::size_t size_ = 0;
};

}  // namespace imapscope::capture
