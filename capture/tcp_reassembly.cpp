#include "capture/tcp_reassembly.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "capture/recent_bytes.h"

namespace imapscope::capture {
namespace {

// A run of one direction's stream: bytes a segment carried, or (lost) bytes the capture does
// not hold. Offsets count from the stream's first byte.
struct Piece {
  std::uint64_t begin = 0;
  std::uint64_t length = 0;
  std::string bytes;  // empty when lost
  bool lost = false;
  std::uint64_t packet = 0;
  Timestamp time = 0;
  std::optional<std::uint32_t> ack;  // the carrying segment's acknowledgment number

  std::uint64_t end() const { return begin + length; }
};

// Acknowledgments further than this past anything the peer was seen to send are not believed
// (a corrupt segment, or one from an unrelated connection).
constexpr std::uint64_t kMaxAckLead = 64u << 20;

// One direction of a connection.
struct Half {
  bool base_known = false;  // the sequence number of the stream's first byte is known
  std::uint32_t base_seq = 0;
  bool syn_seen = false;
  std::uint64_t next = 0;                       // end of the in-order bytes (moved to `ready`)
  std::uint64_t delivered = 0;                  // end of the bytes handed to the sink (or given up)
  std::map<std::uint64_t, Piece> out_of_order;  // ahead of `next`, never overlapping
  std::deque<Piece> ready;                      // in order, waiting for their turn
  std::size_t buffered = 0;                     // bytes in `out_of_order` and `ready`
  std::optional<std::uint64_t> fin;             // offset of the FIN
  std::uint64_t seen_end = 0;                   // the furthest byte any segment reached
  // The furthest offset the peer acknowledged, and the packet that did.
  std::uint64_t acked = 0;
  std::uint64_t acked_packet = 0;
  Timestamp acked_time = 0;
  RecentBytes recent;  // the last in-order bytes, to compare retransmissions with

  // The offset of sequence number `seq`, relative to the next expected byte so that it holds
  // across wrap-around (RFC 9293 §3.4: sequence arithmetic is modulo 2^32). Negative: before
  // the stream's start.
  std::int64_t offset_of(std::uint32_t seq) const {
    const std::uint32_t expected = base_seq + static_cast<std::uint32_t>(next);
    const auto delta = static_cast<std::int32_t>(seq - expected);
    return static_cast<std::int64_t>(next) + delta;
  }
  bool fin_delivered() const { return fin && delivered >= *fin; }
  // How far the peer may have acknowledged: the FIN takes one sequence number (RFC 9293 §3.4).
  std::uint64_t acknowledgeable_end() const { return delivered + (fin_delivered() ? 1 : 0); }
};

Origin origin_of(std::uint64_t packet, Timestamp time) {
  return Origin{0, packet, time};
}

std::string_view as_chars(Bytes b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace

struct TcpReassembler::Connection {
  Connection(TcpStreamSink& sink, const ReassemblyLimits& limits, std::size_t& buffered_total,
             TcpStreamSink::Handle handle, TcpConnectionInfo connection_info)
      : sink_(sink),
        limits_(limits),
        buffered_total_(buffered_total),
        handle_(handle),
        info(std::move(connection_info)) {
    for (Half& h : halves_)
      h.recent = RecentBytes(limits.retransmission_window);
  }

  TcpSide side_of(const TcpEndpoint& source) const {
    return source == info.initiator ? TcpSide::kInitiator : TcpSide::kResponder;
  }
  Half& half(TcpSide side) { return halves_[static_cast<std::size_t>(side)]; }
  Half& peer(TcpSide side) { return halves_[1 - static_cast<std::size_t>(side)]; }

  // A SYN from the initiator with the sequence number already known: sent again.
  bool is_repeated_syn(const TcpSegment& s) {
    const Half& h = half(side_of(s.source));
    return h.syn_seen && s.seq + 1 == h.base_seq;
  }
  bool ended() const {
    return reset_ || std::all_of(halves_.begin(), halves_.end(), [](const Half& h) {
             return h.fin_delivered() && h.ready.empty() && h.out_of_order.empty();
           });
  }

  void add(const TcpSegment& s) {
    const TcpSide side = side_of(s.source);
    last_packet_ = s.packet;
    last_time_ = s.time;
    Half& h = half(side);
    Half& other = peer(side);
    std::uint32_t data_seq = s.seq;
    if (s.has(TcpFlags::kSyn)) {
      h.syn_seen = true;
      if (!h.base_known) {
        h.base_known = true;
        h.base_seq = s.seq + 1;  // the SYN takes one sequence number
      }
      data_seq = s.seq + 1;
    } else if (!h.base_known) {
      h.base_known = true;  // picked up without this side's SYN: start where the capture does
      h.base_seq = s.seq;
    }
    if (s.has(TcpFlags::kAck)) {
      // The initiator's ACK in the handshake names the responder's first byte even when the
      // SYN-ACK is not in the capture.
      if (!other.base_known && info.handshake_seen) {
        other.base_known = true;
        other.base_seq = s.ack;
      }
      note_ack(other, s);
    }
    if (s.has(TcpFlags::kRst)) {
      reset_ = true;  // RFC 9293 §3.10.7: the connection is gone; data in a RST is not taken
      return;
    }
    const std::int64_t begin = h.offset_of(data_seq);
    const std::optional<std::uint32_t> ack =
        s.has(TcpFlags::kAck) ? std::optional(s.ack) : std::nullopt;
    if (continues_in_turn(side, begin, s, ack)) {
      deliver_now(side, as_chars(s.payload), s.packet, s.time);
    } else {
      insert(side, begin, s.payload, s.missing, s.packet, s.time, ack);
    }
    if (s.missing > 0) {
      report(side, CaptureProblemKind::kTruncated, s.packet, s.time, s.missing,
             "packet cut short by the capture's snapshot length: " + std::to_string(s.missing) +
                 " of its bytes are not in the capture");
    }
    if (s.has(TcpFlags::kFin)) {
      const std::int64_t fin = begin + static_cast<std::int64_t>(s.payload.size() + s.missing);
      if (fin >= 0 && !h.fin) h.fin = static_cast<std::uint64_t>(fin);
    }
    advance(h);
    enforce_budget(side);
    pump(false);
  }

  // No FIN, no RST, but data: the connection outlived the capture.
  bool cut_off() const {
    return !reset_ && std::none_of(halves_.begin(), halves_.end(), [](const Half& h) {
      return h.fin.has_value();
    }) && std::any_of(halves_.begin(), halves_.end(), [](const Half& h) { return h.seen_end > 0; });
  }

  // After finalize(): whatever followed in either stream is unknown.
  void capture_ended() {
    report(std::nullopt, CaptureProblemKind::kCaptureEnded, last_packet_, last_time_, std::nullopt,
           "the capture ended while the connection was open: what followed is unknown");
    for (const TcpSide side : {TcpSide::kInitiator, TcpSide::kResponder})
      sink_.on_tcp_gap(handle_, side, 0, origin_of(last_packet_, last_time_));
  }

  // Bytes of `side` went by whose header the capture cut: they will show up as a hole.
  void damaged(TcpSide side, std::uint64_t packet, Timestamp time) {
    report(side, CaptureProblemKind::kTruncated, packet, time, std::nullopt,
           "TCP header cut short by the capture's snapshot length: the segment's bytes are lost");
  }

  // The connection ends: holes become gaps, everything held is delivered.
  void finalize() {
    for (const TcpSide side : {TcpSide::kInitiator, TcpSide::kResponder}) {
      Half& h = half(side);
      while (!h.out_of_order.empty())
        give_up_hole(h);
      // Bytes the peer acknowledged were sent, even if the capture never saw them. An
      // acknowledgment one past the last byte seen is taken for a FIN's.
      const std::uint64_t end = h.fin ? std::min(h.acked, *h.fin) : h.acked;
      if (h.base_known && end > h.next && !(!h.fin && end == h.seen_end + 1)) {
        Piece lost{h.next, end - h.next, {}, true, h.acked_packet, h.acked_time, std::nullopt};
        h.out_of_order.emplace(lost.begin, std::move(lost));
        advance(h);
      }
    }
    pump(true);
  }

 private:
  void note_ack(Half& acked_half, const TcpSegment& s) {
    if (!acked_half.base_known) return;
    const std::int64_t offset = acked_half.offset_of(s.ack);
    if (offset < 0) return;
    const auto at = static_cast<std::uint64_t>(offset);
    if (at > acked_half.seen_end + kMaxAckLead || at <= acked_half.acked) return;
    acked_half.acked = at;
    acked_half.acked_packet = s.packet;
    acked_half.acked_time = s.time;
    if (at > limits_.acknowledged_kept)
      acked_half.recent.forget_before(at - limits_.acknowledged_kept);
  }

  void report(std::optional<TcpSide> side, CaptureProblemKind kind, std::uint64_t packet,
              Timestamp time, std::optional<std::uint64_t> bytes, std::string message) {
    int& count = problem_counts_[static_cast<std::size_t>(kind)];
    ++count;
    if (count > limits_.max_problems_per_kind + 1) return;
    if (count == limits_.max_problems_per_kind + 1) {
      message = "further problems of this kind on this connection are not reported";
      bytes.reset();
    }
    sink_.on_tcp_problem(handle_, side,
                         CaptureProblem{kind, packet, time, std::nullopt, bytes, message});
  }

  // Compares bytes that arrived again with what the first copy held, where it is still known.
  void compare(TcpSide side, std::uint64_t at, std::string_view again, std::string_view first,
               std::uint64_t packet, Timestamp time) {
    if (again == first) return;
    report(side, CaptureProblemKind::kRetransmissionMismatch, packet, time, again.size(),
           "retransmitted bytes at stream offset " + std::to_string(at) +
               " differ from the first copy; the first copy is kept");
  }

  void compare_with_recent(TcpSide side, std::uint64_t at, std::string_view again,
                           std::uint64_t packet, Timestamp time) {
    const Half& h = half(side);
    // Bytes delivered once but no longer held (see ReassemblyLimits::retransmission_window).
    const std::uint64_t dropped_from = std::max(at, h.recent.floor());
    const std::uint64_t dropped_to = std::min(at + again.size(), h.recent.begin());
    if (dropped_from < dropped_to) {
      report(side, CaptureProblemKind::kResourceLimit, packet, time, dropped_to - dropped_from,
             "retransmitted bytes at stream offset " + std::to_string(dropped_from) +
                 " were not compared with the first copy, no longer held: a stream keeps its "
                 "last " +
                 std::to_string(limits_.retransmission_window) +
                 " bytes for that, and of those "
                 "its peer acknowledged only the last " +
                 std::to_string(limits_.acknowledged_kept));
    }
    const std::uint64_t from = std::max(at, h.recent.begin());
    const std::uint64_t to = std::min(at + again.size(), h.recent.end());
    if (from >= to) return;
    if (h.recent.equal(from, again.substr(from - at, to - from))) return;
    report(side, CaptureProblemKind::kRetransmissionMismatch, packet, time, to - from,
           "retransmitted bytes at stream offset " + std::to_string(from) +
               " differ from the first copy; the first copy is kept");
  }

  // Adds what a segment carried: `data`, then `missing` bytes the capture lacks, from offset
  // `begin`. Whatever overlaps bytes already received is dropped (the first copy wins).
  void insert(TcpSide side, std::int64_t begin, Bytes data, std::uint32_t missing,
              std::uint64_t packet, Timestamp time, std::optional<std::uint32_t> ack) {
    Half& h = half(side);
    std::string_view bytes = as_chars(data);
    if (begin < 0) {  // starts before the stream's first byte (picked up mid-stream)
      const auto skip = static_cast<std::uint64_t>(-begin);
      if (skip >= bytes.size() + missing) return;
      const std::size_t from_bytes =
          static_cast<std::size_t>(std::min<std::uint64_t>(skip, bytes.size()));
      bytes.remove_prefix(from_bytes);
      missing -= static_cast<std::uint32_t>(skip - from_bytes);
      begin = 0;
    }
    const auto at = static_cast<std::uint64_t>(begin);
    if (!bytes.empty()) insert_range(side, at, at + bytes.size(), bytes, false, packet, time, ack);
    // What the capture lacks is held as a placeholder of the right length (no bytes), which
    // becomes a gap when its turn comes.
    if (missing > 0) {
      const std::uint64_t from = at + bytes.size();
      insert_range(side, from, from + missing, {}, true, packet, time, ack);
    }
    h.seen_end = std::max(h.seen_end, at + bytes.size() + missing);
  }

  void insert_range(TcpSide side, std::uint64_t begin, std::uint64_t end, std::string_view bytes,
                    bool lost, std::uint64_t packet, Timestamp time,
                    std::optional<std::uint32_t> ack) {
    Half& h = half(side);
    // Below `next`: a retransmission of bytes already in order.
    if (begin < h.next) {
      const std::uint64_t upto = std::min(end, h.next);
      if (!lost) compare_with_recent(side, begin, bytes.substr(0, upto - begin), packet, time);
      if (!lost) bytes.remove_prefix(upto - begin);
      begin = upto;
    }
    std::uint64_t cursor = begin;
    while (cursor < end) {
      // The held piece at or before `cursor` that may cover it.
      auto it = h.out_of_order.upper_bound(cursor);
      if (it != h.out_of_order.begin()) {
        const Piece& before = std::prev(it)->second;
        if (before.end() > cursor) {
          const std::uint64_t upto = std::min(end, before.end());
          if (!lost && !before.lost) {
            compare(side, cursor, bytes.substr(cursor - begin, upto - cursor),
                    std::string_view(before.bytes).substr(cursor - before.begin, upto - cursor),
                    packet, time);
          }
          cursor = upto;
          continue;
        }
      }
      const std::uint64_t upto = it == h.out_of_order.end() ? end : std::min(end, it->first);
      Piece p{cursor, upto - cursor, {}, lost, packet, time, ack};
      if (!lost) p.bytes.assign(bytes.substr(cursor - begin, upto - cursor));
      h.buffered += p.bytes.size();
      buffered_total_ += p.bytes.size();
      h.out_of_order.emplace(cursor, std::move(p));
      cursor = upto;
    }
  }

  // Moves the pieces that are now in order to `ready`.
  void advance(Half& h) {
    while (!h.out_of_order.empty() && h.out_of_order.begin()->first <= h.next) {
      Piece p = std::move(h.out_of_order.begin()->second);
      h.out_of_order.erase(h.out_of_order.begin());
      h.next = p.end();
      if (p.lost) {
        h.recent.restart(h.next);
      } else {
        h.recent.append(p.bytes);
      }
      h.ready.push_back(std::move(p));
    }
  }

  // The hole before the first held piece will not be filled: it becomes a gap there.
  void give_up_hole(Half& h) {
    const Piece& first = h.out_of_order.begin()->second;
    Piece lost{h.next, first.begin - h.next, {}, true, first.packet, first.time, std::nullopt};
    h.out_of_order.emplace(lost.begin, std::move(lost));
    advance(h);
  }

  void enforce_budget(TcpSide side) {
    Half& h = half(side);
    while (over_budget(h) && !h.out_of_order.empty())
      give_up_hole(h);
  }

  bool over_budget(const Half& h) const {
    return h.buffered > limits_.max_buffered_per_direction ||
           (limits_.max_buffered_total != 0 && buffered_total_ > limits_.max_buffered_total);
  }

  // The common case: a segment that carries exactly the next bytes of its stream, whole, with
  // nothing of either direction held back and no peer bytes it must wait for. Queuing it would
  // hand it out at once (see pump()): it is handed out from the packet, without a copy.
  bool continues_in_turn(TcpSide side, std::int64_t begin, const TcpSegment& s,
                         std::optional<std::uint32_t> ack) {
    const Half& h = half(side);
    return !s.payload.empty() && s.missing == 0 && begin >= 0 &&
           static_cast<std::uint64_t>(begin) == h.next && h.out_of_order.empty() &&
           h.ready.empty() && peer(side).ready.empty() && !acknowledges_undelivered(side, ack);
  }

  // What advance() and deliver() do for such a segment.
  void deliver_now(TcpSide side, std::string_view bytes, std::uint64_t packet, Timestamp time) {
    Half& h = half(side);
    h.recent.append(bytes);
    h.next += bytes.size();
    h.seen_end = std::max(h.seen_end, h.next);
    h.delivered = h.next;
    sink_.on_tcp_data(handle_, side, bytes, origin_of(packet, time));
  }

  // Whether `p` acknowledges bytes of the peer that are not delivered yet.
  bool waits_for_peer(TcpSide side, const Piece& p) {
    return acknowledges_undelivered(side, p.ack);
  }

  bool acknowledges_undelivered(TcpSide side, std::optional<std::uint32_t> ack) {
    Half& other = peer(side);
    if (!ack || !other.base_known) return false;
    const std::int64_t acked = other.offset_of(*ack);
    if (acked < 0) return false;
    const auto at = static_cast<std::uint64_t>(acked);
    if (at > other.seen_end + kMaxAckLead) return false;
    return at > other.acknowledgeable_end();
  }

  void deliver(TcpSide side) {
    Half& h = half(side);
    Piece p = std::move(h.ready.front());
    h.ready.pop_front();
    h.buffered -= p.bytes.size();
    buffered_total_ -= p.bytes.size();
    h.delivered = p.end();
    const Origin origin = origin_of(p.packet, p.time);
    if (p.lost)
      sink_.on_tcp_gap(handle_, side, p.length, origin);
    else
      sink_.on_tcp_data(handle_, side, p.bytes, origin);
  }

  // Hands out ready pieces of both directions: in capture order, except that a piece waits
  // for the peer's bytes it acknowledges. With `final`, nothing more will come, so a piece
  // waits only for what the peer has ready.
  void pump(bool final) {
    const TcpSide a = TcpSide::kInitiator;
    const TcpSide b = TcpSide::kResponder;
    while (true) {
      const bool has_a = !half(a).ready.empty();
      const bool has_b = !half(b).ready.empty();
      if (!has_a && !has_b) return;
      // Over its budget, a direction stops waiting.
      const bool wait_a =
          has_a && !over_budget(half(a)) && waits_for_peer(a, half(a).ready.front());
      const bool wait_b =
          has_b && !over_budget(half(b)) && waits_for_peer(b, half(b).ready.front());
      TcpSide pick = a;
      if (has_a && has_b) {
        const bool a_first = half(a).ready.front().packet <= half(b).ready.front().packet;
        if (wait_a == wait_b)  // both free, or both waiting (acknowledgments contradict)
          pick = a_first ? a : b;
        else
          pick = wait_a ? b : a;
      } else {
        pick = has_a ? a : b;
        if ((has_a ? wait_a : wait_b) && !final) return;  // the peer's bytes may still come
      }
      deliver(pick);
    }
  }

  TcpStreamSink& sink_;
  const ReassemblyLimits& limits_;
  std::size_t& buffered_total_;
  TcpStreamSink::Handle handle_;
  std::array<Half, 2> halves_;
  std::array<int, kCaptureProblemKinds> problem_counts_{};
  bool reset_ = false;
  std::uint64_t last_packet_ = 0;  // the last segment of the connection in the capture
  Timestamp last_time_ = 0;

 public:
  TcpConnectionInfo info;
  TcpStreamSink::Handle handle() const { return handle_; }
};

TcpReassembler::TcpReassembler(TcpStreamSink& sink, ReassemblyLimits limits)
    : sink_(sink), limits_(limits) {}

TcpReassembler::~TcpReassembler() = default;

TcpReassembler::Connection& TcpReassembler::open(const Key& key, const TcpEndpoint& initiator,
                                                 const TcpEndpoint& responder,
                                                 bool handshake_seen) {
  closed_.erase(key);
  const TcpConnectionInfo info{initiator, responder, handshake_seen};
  auto conn = std::make_unique<Connection>(sink_, limits_, buffered_total_, next_handle_++, info);
  Connection& ref = *conn;
  live_[key] = std::move(conn);
  sink_.on_tcp_open(ref.handle(), info);
  return ref;
}

std::size_t TcpReassembler::KeyHash::operator()(const Key& key) const noexcept {
  // The four addresses' and ports' words folded together, then mixed (splitmix64's finalizer)
  // so that nearby addresses and ports spread over the buckets.
  std::uint64_t h = 0;
  for (const TcpEndpoint* e : {&key.first, &key.second}) {
    std::uint64_t words[2];
    std::memcpy(words, e->address.bytes.data(), sizeof words);
    h = (h ^ words[0]) * 0x9e3779b97f4a7c15ULL;
    h = (h ^ words[1]) * 0x9e3779b97f4a7c15ULL;
    h = (h ^ (std::uint64_t{e->port} << 8 | e->address.version)) * 0x9e3779b97f4a7c15ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return static_cast<std::size_t>(h);
}

void TcpReassembler::close(LiveMap::iterator it, bool capture_ended) {
  if (it->second.get() == last_) last_ = nullptr;
  it->second->finalize();
  if (capture_ended) it->second->capture_ended();
  const TcpStreamSink::Handle handle = it->second->handle();
  sink_.on_tcp_close(handle);
  remember_closed(it->first, handle);
  live_.erase(it);
}

void TcpReassembler::remember_closed(const Key& key, TcpStreamSink::Handle handle) {
  closed_[key] = handle;
  closed_order_.emplace_back(key, handle);
  if (closed_order_.size() > limits_.max_closed_remembered) {
    const auto& [oldest, old] = closed_order_.front();
    auto found = closed_.find(oldest);
    if (found != closed_.end() && found->second == old) closed_.erase(found);  // not reopened
    closed_order_.pop_front();
  }
}

void TcpReassembler::add(const TcpSegment& s) {
  const Key key =
      s.source < s.destination ? Key{s.source, s.destination} : Key{s.destination, s.source};
  const bool syn = s.has(TcpFlags::kSyn) && !s.has(TcpFlags::kAck);
  const bool syn_ack = s.has(TcpFlags::kSyn) && s.has(TcpFlags::kAck);
  // Segments come in runs of one connection (a command, its response): the connection of the
  // last segment is tried before the hash. Not for a SYN, which may start a new one.
  Connection* conn = !syn && !syn_ack && last_ != nullptr && key == last_key_ ? last_ : nullptr;
  if (conn == nullptr) {
    auto it = live_.find(key);
    if (it != live_.end() && syn && !it->second->is_repeated_syn(s)) {
      // A new SYN where a connection exists: the old one is over (port reuse, RFC 9293 §3.4.1).
      close(it);
      it = live_.end();
    }
    if (it == live_.end()) {
      if (closed_.contains(key) && !syn && !syn_ack) return;  // late segment of an ended one
      if (s.has(TcpFlags::kRst)) return;                      // nothing to reset
      if (limits_.max_live_connections != 0 && live_.size() >= limits_.max_live_connections) {
        // Refused: counted once (its later segments, even a repeated SYN, are ignored as those
        // of an ended connection), and costs nothing more.
        auto refused = closed_.find(key);
        if (refused != closed_.end() && refused->second == 0) return;
        ++not_analyzed_;
        remember_closed(key, 0);
        return;
      }
      if (syn)
        conn = &open(key, s.source, s.destination, true);
      else if (syn_ack)
        conn = &open(key, s.destination, s.source, true);
      else
        conn = &open(key, s.source, s.destination, false);
    } else {
      conn = it->second.get();
    }
  }
  conn->add(s);
  if (conn->ended() || !sink_.wants(conn->handle())) {
    close(live_.find(key));
    return;
  }
  last_ = conn;
  last_key_ = key;
}

bool TcpReassembler::add_damaged(const TcpEndpoint& source, const TcpEndpoint& destination,
                                 std::uint64_t packet, Timestamp time) {
  const Key key = source < destination ? Key{source, destination} : Key{destination, source};
  auto it = live_.find(key);
  if (it == live_.end()) return false;
  it->second->damaged(it->second->side_of(source), packet, time);
  return true;
}

void TcpReassembler::finish() {
  // In the order the connections appeared, so reports do not depend on addresses.
  std::vector<LiveMap::iterator> open_connections;
  for (auto it = live_.begin(); it != live_.end(); ++it)
    open_connections.push_back(it);
  std::sort(open_connections.begin(), open_connections.end(),
            [](auto x, auto y) { return x->second->handle() < y->second->handle(); });
  for (auto it : open_connections)
    close(it, it->second->cut_off());
  closed_.clear();
  closed_order_.clear();
}

}  // namespace imapscope::capture
