#include "capture/imap_connection_filter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace imapscope::capture {

struct ImapConnectionFilter::Tracked {
  enum class Verdict : unsigned char { kUndecided, kImap, kNotImap };
  // An event held while the connection is undecided.
  struct Held {
    enum class Type : unsigned char { kData, kGap, kProblem } type = Type::kData;
    std::optional<TcpSide> side;
    std::string bytes;
    std::uint64_t bytes_missing = 0;
    Origin origin;
    CaptureProblem problem;
  };

  TcpConnectionInfo info;
  Verdict verdict = Verdict::kUndecided;
  std::optional<TcpSide> server;
  bool on_imap_port = false;
  std::array<std::string, 2> first_bytes;  // each side's first bytes, until they decide
  std::vector<Held> held;
  std::size_t held_bytes = 0;
  ConnectionId id = 0;
  bool begun = false;
  bool clean_start = true;
};

ImapConnectionFilter::ImapConnectionFilter(const CaptureOptions& options, ConnectionId& next_id,
                                           StreamSink& sink)
    : options_(options), next_id_(next_id), sink_(sink) {}

ImapConnectionFilter::~ImapConnectionFilter() = default;

ImapConnectionFilter::Greeting ImapConnectionFilter::starts_with_greeting(std::string_view bytes) {
  // greeting = "*" SP resp-cond-auth ..., resp-cond-auth = ("OK" / "PREAUTH") SP resp-text
  // (RFC 9051 §9); atoms are case-insensitive. "[" and CR are tolerated in place of the SP.
  bool need_more = false;
  for (const std::string_view status : {"OK", "PREAUTH"}) {
    const std::string expected = "* " + std::string(status);
    const std::size_t n = std::min(bytes.size(), expected.size());
    bool prefix = true;
    for (std::size_t i = 0; i < n && prefix; ++i) {
      prefix = std::toupper(static_cast<unsigned char>(bytes[i])) == expected[i];
    }
    if (!prefix) continue;
    if (bytes.size() <= expected.size()) {
      need_more = true;
      continue;
    }
    const char after = bytes[expected.size()];
    if (after == ' ' || after == '[' || after == '\r') return Greeting::kYes;
  }
  return need_more ? Greeting::kNeedMore : Greeting::kNo;
}

void ImapConnectionFilter::on_tcp_open(Handle connection, const TcpConnectionInfo& info) {
  auto t = std::make_unique<Tracked>();
  t->info = info;
  const bool initiator_port = options_.is_imap_port(info.initiator.port);
  const bool responder_port = options_.is_imap_port(info.responder.port);
  if (info.handshake_seen || (responder_port && !initiator_port)) {
    t->server = TcpSide::kResponder;
  } else if (initiator_port && !responder_port) {
    t->server = TcpSide::kInitiator;  // picked up mid-stream, first packet from the server
  } else if (initiator_port && responder_port) {
    t->server = TcpSide::kResponder;
  }
  t->on_imap_port =
      t->server && options_.is_imap_port(*t->server == TcpSide::kResponder ? info.responder.port
                                                                           : info.initiator.port);
  // With the handshake in the capture and the server on an IMAP port, nothing is unknown.
  if (t->on_imap_port && info.handshake_seen) t->verdict = Tracked::Verdict::kImap;
  tracked_[connection] = std::move(t);
}

void ImapConnectionFilter::consider_server_bytes(Tracked& t, TcpSide side, std::string_view bytes) {
  std::string& first = t.first_bytes[static_cast<std::size_t>(side)];
  first.append(bytes.substr(0, std::min<std::size_t>(bytes.size(), 16)));
  const Greeting g = starts_with_greeting(first);
  if (g == Greeting::kNeedMore) return;
  if (g == Greeting::kYes) {
    t.server = side;
    decide(t, true, true);
    return;
  }
  // Not a greeting: on an IMAP port the capture began after it; elsewhere it is not IMAP.
  decide(t, t.on_imap_port, false);
}

void ImapConnectionFilter::on_tcp_data(Handle connection, TcpSide side, std::string_view bytes,
                                       const Origin& origin) {
  auto it = tracked_.find(connection);
  if (it == tracked_.end()) return;
  Tracked& t = *it->second;
  if (t.verdict == Tracked::Verdict::kUndecided) {
    t.held.push_back({Tracked::Held::Type::kData, side, std::string(bytes), 0, origin, {}});
    t.held_bytes += bytes.size();
    // The server's first bytes decide; without a known server, whoever speaks first.
    if (!t.server || *t.server == side) consider_server_bytes(t, side, bytes);
    if (t.verdict == Tracked::Verdict::kUndecided && t.held_bytes > kMaxHeldBytes) {
      decide(t, t.on_imap_port, false);
    }
    return;
  }
  if (t.verdict == Tracked::Verdict::kImap) forward_data(t, side, bytes, origin);
}

void ImapConnectionFilter::on_tcp_gap(Handle connection, TcpSide side, std::uint64_t bytes_missing,
                                      const Origin& origin) {
  auto it = tracked_.find(connection);
  if (it == tracked_.end()) return;
  Tracked& t = *it->second;
  if (t.verdict == Tracked::Verdict::kUndecided) {
    t.held.push_back({Tracked::Held::Type::kGap, side, {}, bytes_missing, origin, {}});
    // The server's first bytes are lost: only its port can tell.
    if (!t.server || *t.server == side) decide(t, t.on_imap_port, false);
    return;
  }
  if (t.verdict == Tracked::Verdict::kImap) forward_gap(t, side, bytes_missing, origin);
}

void ImapConnectionFilter::on_tcp_problem(Handle connection, std::optional<TcpSide> side,
                                          const CaptureProblem& problem) {
  auto it = tracked_.find(connection);
  if (it == tracked_.end()) return;
  Tracked& t = *it->second;
  if (t.verdict == Tracked::Verdict::kUndecided) {
    t.held.push_back({Tracked::Held::Type::kProblem, side, {}, 0, {}, problem});
    return;
  }
  if (t.verdict == Tracked::Verdict::kImap) forward_problem(t, side, problem);
}

void ImapConnectionFilter::on_tcp_close(Handle connection) {
  auto it = tracked_.find(connection);
  if (it == tracked_.end()) return;
  Tracked& t = *it->second;
  if (t.verdict == Tracked::Verdict::kUndecided) {
    // The server's first bytes never decided (too few, or none): only its port can tell.
    decide(t, t.on_imap_port, false);
  }
  if (t.verdict == Tracked::Verdict::kImap && t.begun) sink_.on_connection_end(t.id);
  tracked_.erase(it);
}

bool ImapConnectionFilter::wants(Handle connection) const {
  auto it = tracked_.find(connection);
  return it != tracked_.end() && it->second->verdict != Tracked::Verdict::kNotImap;
}

void ImapConnectionFilter::decide(Tracked& t, bool imap, bool clean_start) {
  t.verdict = imap ? Tracked::Verdict::kImap : Tracked::Verdict::kNotImap;
  t.clean_start = clean_start || t.info.handshake_seen;
  if (!imap) note_unrecognized_tls(t);
  std::vector<Tracked::Held> held = std::move(t.held);
  t.held.clear();
  t.held_bytes = 0;
  if (!imap) return;
  if (!t.server) t.server = TcpSide::kResponder;
  for (Tracked::Held& e : held) {
    switch (e.type) {
      case Tracked::Held::Type::kData:
        forward_data(t, *e.side, e.bytes, e.origin);
        break;
      case Tracked::Held::Type::kGap:
        forward_gap(t, *e.side, e.bytes_missing, e.origin);
        break;
      case Tracked::Held::Type::kProblem:
        forward_problem(t, e.side, std::move(e.problem));
        break;
    }
  }
}

void ImapConnectionFilter::note_unrecognized_tls(const Tracked& t) {
  // The connection's first bytes: a TLS handshake record, content type 22 then protocol
  // version 3.x (RFC 8446 §5.1), as a ClientHello or ServerHello is.
  const auto first = std::find_if(t.held.begin(), t.held.end(), [](const Tracked::Held& e) {
    return e.type == Tracked::Held::Type::kData && !e.bytes.empty();
  });
  if (first == t.held.end() || first->bytes.size() < 2 || first->bytes[0] != 0x16 ||
      first->bytes[1] != 0x03) {
    return;
  }
  const TcpEndpoint& server = t.server == TcpSide::kInitiator ? t.info.initiator : t.info.responder;
  if (noted_tls_ports_.size() >= kMaxNotedPorts ||
      std::find(noted_tls_ports_.begin(), noted_tls_ports_.end(), server.port) !=
          noted_tls_ports_.end()) {
    return;
  }
  noted_tls_ports_.push_back(server.port);
  const std::string port = std::to_string(server.port);
  sink_.on_capture_problem(
      0, CaptureProblem{CaptureProblemKind::kUnrecognizedTls, first->origin.packet,
                        first->origin.time, std::nullopt, std::nullopt,
                        "TLS to " + server.to_string() + ", not analyzed: port " + port +
                            " is not an IMAP port; if this is IMAP over implicit TLS, give "
                            "--port " +
                            port});
}

Direction ImapConnectionFilter::direction_of(const Tracked& t, TcpSide side) const {
  return side == t.server ? Direction::kServerToClient : Direction::kClientToServer;
}

void ImapConnectionFilter::begin_if_needed(Tracked& t, const Origin& origin) {
  if (t.begun) return;
  t.begun = true;
  t.id = next_id_++;
  const bool server_is_responder = t.server == TcpSide::kResponder;
  ConnectionMeta meta;
  meta.client = (server_is_responder ? t.info.initiator : t.info.responder).to_string();
  meta.server = (server_is_responder ? t.info.responder : t.info.initiator).to_string();
  sink_.on_connection_begin(t.id, meta);
  if (t.clean_start) return;
  // The capture began inside the connection: neither stream starts at a message boundary
  // for sure, and what came before (greeting, login, commands in progress) is unknown.
  sink_.on_capture_problem(
      t.id, CaptureProblem{CaptureProblemKind::kMidStream, origin.packet, origin.time, std::nullopt,
                           std::nullopt,
                           "the connection began before the capture did: both streams start "
                           "somewhere in the middle"});
  sink_.on_gap(t.id, Direction::kServerToClient, 0, origin);
  sink_.on_gap(t.id, Direction::kClientToServer, 0, origin);
}

void ImapConnectionFilter::forward_data(Tracked& t, TcpSide side, std::string_view bytes,
                                        const Origin& origin) {
  begin_if_needed(t, origin);
  sink_.on_data(t.id, direction_of(t, side), bytes, origin);
}

void ImapConnectionFilter::forward_gap(Tracked& t, TcpSide side, std::uint64_t bytes_missing,
                                       const Origin& origin) {
  begin_if_needed(t, origin);
  sink_.on_gap(t.id, direction_of(t, side), bytes_missing, origin);
}

void ImapConnectionFilter::forward_problem(Tracked& t, std::optional<TcpSide> side,
                                           CaptureProblem problem) {
  begin_if_needed(t, Origin{0, problem.packet, problem.time});
  if (side) problem.direction = direction_of(t, *side);
  sink_.on_capture_problem(t.id, problem);
}

}  // namespace imapscope::capture
