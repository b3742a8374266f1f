#include "analyzer/session.h"

#include <algorithm>

namespace imapscope::analyzer {

UntaggedKind untagged_kind(const Response& r) {
  if (r.kind == ResponseKind::kUntaggedStatus) {
    switch (r.status) {
      case Status::kBye:
        return UntaggedKind::kBye;
      case Status::kOk:
        return UntaggedKind::kOk;
      case Status::kNo:
        return UntaggedKind::kNo;
      case Status::kBad:
        return UntaggedKind::kBad;
      default:
        return UntaggedKind::kOther;
    }
  }
  static constexpr std::pair<std::string_view, UntaggedKind> kNames[] = {
      {"CAPABILITY", UntaggedKind::kCapability},
      {"EXISTS", UntaggedKind::kExists},
      {"EXPUNGE", UntaggedKind::kExpunge},
      {"FETCH", UntaggedKind::kFetch},
      {"FLAGS", UntaggedKind::kFlags},
      {"LIST", UntaggedKind::kList},
      {"LSUB", UntaggedKind::kLsub},
      {"SEARCH", UntaggedKind::kSearch},
      {"ESEARCH", UntaggedKind::kEsearch},
      {"STATUS", UntaggedKind::kStatus},
      {"ENABLED", UntaggedKind::kEnabled},
      {"NAMESPACE", UntaggedKind::kNamespace},
      {"ID", UntaggedKind::kId},
      {"RECENT", UntaggedKind::kRecent},
  };
  for (const auto& [name, kind] : kNames) {
    if (r.name == name) return kind;
  }
  return UntaggedKind::kOther;
}

// Routes one direction's framer output to the session.
class Session::DirectionSink final : public FramerSink {
 public:
  DirectionSink(Session& s, Direction d) : session_(s), dir_(d) {}
  void on_literal_announced(const Message& m, const Literal& literal) override {
    session_.on_literal_announced(dir_, m, literal);
  }
  void on_literal_begin(const Message& m, const Literal& literal) override {
    session_.on_literal_begin(dir_, m, literal);
  }
  void on_message(Message& m) override {
    if (dir_ == Direction::kClientToServer)
      session_.on_client_message(m);
    else
      session_.on_server_message(m);
  }

 private:
  Session& session_;
  Direction dir_;
};

Session::Session(SessionOptions options)
    : options_(options),
      client_sink_(std::make_unique<DirectionSink>(*this, Direction::kClientToServer)),
      server_sink_(std::make_unique<DirectionSink>(*this, Direction::kServerToClient)),
      client_framer_(
          std::make_unique<Framer>(Direction::kClientToServer, *client_sink_, options.limits)),
      server_framer_(
          std::make_unique<Framer>(Direction::kServerToClient, *server_sink_, options.limits)) {}

Session::~Session() = default;

void Session::add_observer(SessionObserver* observer) {
  const ObserverPlan::Member watches{0, 0, observer->watched_commands(),
                                     observer->watched_untagged(), observer->watched_completions()};
  for (std::size_t event = 0; event < listeners_.size(); ++event)
    listeners_[event].push_back({observer, watches.watched(static_cast<SessionEvent>(event))});
}

namespace {

// A TLS handshake record: content type 22, then protocol version 3.x (RFC 8446 §5.1). IMAP
// text never starts with byte 0x16, so at a message boundary this is the start of TLS.
bool starts_tls_record(std::string_view bytes) {
  return bytes.size() >= 2 && bytes[0] == 0x16 && bytes[1] == 0x03;
}

}  // namespace

namespace {

// Plain IMAP text rather than a deflate stream: printable ASCII lines. Deflate output is
// effectively random bytes, so a run of 64 text bytes with a line end does not come from it.
bool looks_like_plain_text(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 64);
  bool line_end = false;
  for (char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n')
      line_end = true;
    else if (u < 0x20 && c != '\r' && c != '\t')
      return false;
    else if (u >= 0x7f)
      return false;
  }
  return line_end || head.size() == bytes.size();
}

}  // namespace

void Session::feed(Direction dir, std::string_view bytes, const Origin& origin) {
  if (bytes.empty()) return;
  if (tls_ != Tls::kNone) {
    // Ciphertext: nothing more to decode, but the handshake's hellos are still in clear.
    tls_readers_[static_cast<std::size_t>(dir)].feed(bytes, tls_details_);
    return;
  }
  const auto d = static_cast<std::size_t>(dir);
  if (compress_armed_[d]) {
    compress_armed_[d] = false;
    if (!looks_like_plain_text(bytes)) {
      inflaters_[d] = std::make_unique<DeflateStream>();
      compressed_ = true;
    }
  }
  if (inflaters_[d]) {
    const bool ok = inflaters_[d]->inflate(
        bytes, [&](std::string_view plain) { feed_plain(dir, plain, origin); });
    if (!ok) {
      // Not a deflate stream after all: what follows cannot be decoded; say so as a gap.
      inflaters_[d].reset();
      on_gap(dir, 0);
    }
    return;
  }
  feed_plain(dir, bytes, origin);
}

void Session::feed_plain(Direction dir, std::string_view bytes, const Origin& origin) {
  Framer& framer = dir == Direction::kClientToServer ? *client_framer_ : *server_framer_;
  if (resync_[static_cast<std::size_t>(dir)].active() && !resynchronize(dir, bytes, origin)) return;
  if (bytes.empty()) return;
  if (!framer.in_message() && starts_tls_record(bytes)) {
    // After STARTTLS's OK (RFC 9051 §6.2.1) or on an implicit-TLS port (RFC 8314).
    tls_ = starttls_accepted_ ? Tls::kStarttls : Tls::kImplicit;
    tls_readers_[static_cast<std::size_t>(dir)].feed(bytes, tls_details_);
    return;
  }
  const std::size_t used = framer.feed(bytes, origin);
  // The framer paused after COMPRESS's OK: the rest of this chunk is the deflate stream.
  if (used < bytes.size()) feed(dir, bytes.substr(used), origin);
}

void Session::on_gap(Direction dir, std::uint64_t bytes_missing) {
  had_gap_ = true;
  (dir == Direction::kClientToServer ? *client_framer_ : *server_framer_).reset(bytes_missing);
  begin_resync(dir);
}

void Session::finish() {
  ending_ = true;
  client_framer_->finish();
  server_framer_->finish();
  notify(SessionEvent::kStreamEnd, [&](SessionObserver& o) { o.on_stream_end(); });
}

const InFlightCommand* Session::find_in_flight(std::string_view tag) const {
  for (const InFlightCommand& c : in_flight_.live()) {
    if (c.tag == tag) return &c;
  }
  return nullptr;
}

bool Session::recently_completed(std::string_view tag) const {
  return std::find(recent_tags_.begin(), recent_tags_.end(), tag) != recent_tags_.end() &&
         !tag.empty();
}

const SelectedMailbox* Session::mailbox() const {
  if (selecting_) return &*selecting_;
  return mailbox_ ? &*mailbox_ : nullptr;
}

bool Session::is_enabled(std::string_view name) const {
  return std::any_of(enabled_.begin(), enabled_.end(),
                     [&](const std::string& c) { return iequals(c, name); });
}

bool Session::imap4rev2_in_force() const {
  return rev2_in_force_;
}

void Session::update_syntax_in_force() {
  // Asked for every message (the strict grammar's options) and by rules: worked out only
  // when the capabilities or the enabled extensions change.
  rev2_in_force_ =
      has_capability("IMAP4rev2") && (is_enabled("IMAP4rev2") || !has_capability("IMAP4rev1"));
  // RFC 6855 §3: UTF8=ACCEPT (and IMAP4rev2, RFC 9051 §9) allow UTF-8 in quoted strings.
  utf8_accepted_ = rev2_in_force_ || is_enabled("UTF8=ACCEPT") || is_enabled("UTF8=ONLY");
}

bool Session::has_capability(std::string_view name) const {
  return std::any_of(capabilities_.begin(), capabilities_.end(),
                     [&](const std::string& c) { return iequals(c, name); });
}

void Session::remember_capabilities(const std::vector<std::string_view>& caps) {
  capabilities_.assign(caps.begin(), caps.end());
  update_syntax_in_force();
}

void Session::set_client_exchange_mode(bool on) {
  client_framer_->set_exchange_mode(on);
}

void Session::on_literal_announced(Direction dir, const Message& m, const Literal& literal) {
  const MessageInfo info{m, options_.redact};
  notify(SessionEvent::kLiteralAnnounced,
         [&](SessionObserver& o) { o.on_literal_announced(literal, info); });
  // RFC 9051 §7.6: the client may not send a synchronizing literal's octets before the
  // server's continuation request.
  // A literal8 ~{n} synchronizes too (RFC 3516 §4.4), and so does an empty literal {0}
  // (RFC 9051 §4.3: the client waits even when the count is zero).
  if (dir == Direction::kClientToServer && literal.kind != LiteralKind::kNonSynchronizing) {
    literal_waiting_ = true;
  }
}

void Session::on_literal_begin(Direction dir, const Message& m, const Literal& literal) {
  if (dir != Direction::kClientToServer) return;
  const bool continued = literal.kind == LiteralKind::kNonSynchronizing || !literal_waiting_;
  const MessageInfo info{m, options_.redact};
  notify(SessionEvent::kClientLiteralData,
         [&](SessionObserver& o) { o.on_client_literal_data(literal, continued, info); });
  literal_waiting_ = false;
}

void Session::track_command(const Command& cmd, const Message& m, bool parsed) {
  if (in_flight_.size() >= kMaxInFlight) {
    // Rules scan the commands in progress; an endless pipeline would make that quadratic.
    in_flight_overflow_ = true;
    had_gap_ = true;
    return;
  }
  InFlightCommand& c = in_flight_.add();
  c.tag.assign(cmd.tag);
  c.name.assign(cmd.name);
  c.id = cmd.id;
  c.parsed = parsed;
  c.offset = m.offset;
  c.origin = m.origin;
  excerpt(m, options_.redact, c.excerpt);
  c.state_at_send = state_;
}

void Session::on_client_message(Message& m) {
  const MessageInfo info{m, options_.redact};
  if (m.exchange) {
    const InFlightCommand* owner = nullptr;
    if (!authenticate_tag_.empty()) {
      owner = find_in_flight(authenticate_tag_);
      // An AUTHENTICATE answer is a SASL credential: never shown unless asked for.
      if (!m.lines.empty()) m.redactions.emplace_back(m.lines[0].begin, m.lines[0].end);
    } else if (!idle_tag_.empty()) {
      owner = find_in_flight(idle_tag_);
    }
    notify(SessionEvent::kExchangeLine,
           [&](SessionObserver& o) { o.on_exchange_line(owner, info); });
    if (authenticate_tag_.empty() && !idle_tag_.empty() && iequals(m.first_line(), "DONE")) {
      idle_done_ = true;
      set_client_exchange_mode(false);
    }
    return;
  }
  ++commands_;
  if (in_flight_overflow_) return;  // context lost: only counted
  Command& cmd = command_;
  cmd.clear();
  SyntaxError err;
  if (!parse_command(m, cmd, err)) {
    check_grammar(m, info, &err);
    // With a readable tag the server's BAD still answers it: keep it in flight.
    if (err.rule != "tag" && !cmd.tag.empty()) track_command(cmd, m, false);
    return;
  }
  check_grammar(m, info, nullptr);
  notify(
      SessionEvent::kCommand, [&](SessionObserver& o) { o.on_command(cmd, info); },
      static_cast<unsigned>(cmd.id));
  track_command(cmd, m, true);
  if (cmd.id == CommandId::kAuthenticate) {
    // RFC 9051 §6.2.2: until the tagged response, client lines are SASL answers.
    authenticate_tag_ = std::string(cmd.tag);
    set_client_exchange_mode(true);
  } else if (cmd.id == CommandId::kSelect || cmd.id == CommandId::kExamine) {
    // RFC 9051 §6.3.2: SELECT deselects the current mailbox before it selects the new one;
    // the responses it causes describe the new one.
    const std::string name = cmd.args.empty() ? std::string() : std::string(cmd.args[0].text);
    selecting_.emplace(name, cmd.id == CommandId::kExamine);
  } else if (cmd.id == CommandId::kIdle) {
    // RFC 9051 §6.3.13: the client's next line is DONE, not a command.
    idle_tag_ = std::string(cmd.tag);
    idle_continued_ = false;
    idle_done_ = false;
    set_client_exchange_mode(true);
  }
}

void Session::on_server_message(Message& m) {
  ++responses_;
  if (!greeting_seen_) {
    handle_greeting(m);
    return;
  }
  if (in_flight_overflow_) return;
  const MessageInfo info{m, options_.redact};
  Response& r = response_;
  r.clear();
  SyntaxError err;
  if (!parse_response(m, r, err)) {
    check_grammar(m, info, &err);
    return;
  }
  check_grammar(m, info, nullptr);
  refuse_pending_literal(r);
  handle_response(r, info);
}

void Session::refuse_pending_literal(const Response& r) {
  // RFC 9051 §2.2.1: "If, instead, the server detected an error in the command, it sends a BAD
  // completion response with a tag matching the command ... to reject the command and prevent
  // the client from sending any more of the command." Servers refuse with NO too (APPEND over
  // quota or APPENDLIMIT). The command's literal never comes: what the client sends next is
  // its next command, not literal octets.
  if (r.kind != ResponseKind::kTagged || (r.status != Status::kBad && r.status != Status::kNo))
    return;
  const Message* pending = client_framer_->awaiting_synchronizing_literal();
  if (pending == nullptr) return;
  const std::string_view line = pending->first_line();
  if (line.substr(0, line.find(' ')) != r.tag) return;
  client_framer_->refuse_literal();  // delivers the command, which r then completes
}

void Session::handle_greeting(const Message& m) {
  greeting_seen_ = true;
  const MessageInfo info{m, options_.redact};
  Response r;
  SyntaxError err;
  const bool parsed = parse_response(m, r, err);
  if (parsed) check_grammar(m, info, nullptr);
  const bool is_greeting =
      parsed && r.kind == ResponseKind::kUntaggedStatus &&
      (r.status == Status::kOk || r.status == Status::kPreauth || r.status == Status::kBye);
  if (parsed && !is_greeting && options_.may_start_after_login) {
    // A log that starts after the login: the connection is authenticated, and the first
    // tagged response with an unknown tag completes the login the log does not hold.
    started_after_login_ = true;
    login_completion_pending_ = true;
    state_ = ConnectionState::kAuthenticated;
    handle_response(r, info);
    return;
  }
  if (!parsed) {
    notify(SessionEvent::kGreeting,
           [&](SessionObserver& o) { o.on_greeting(nullptr, &err, info); });
    return;
  }
  if (!r.capabilities.empty()) capabilities_listed(m);
  notify(SessionEvent::kGreeting, [&](SessionObserver& o) { o.on_greeting(&r, nullptr, info); });
  // greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF  (RFC 9051 §9)
  if (r.kind == ResponseKind::kUntaggedStatus) {
    if (r.status == Status::kPreauth) state_ = ConnectionState::kAuthenticated;
    if (r.status == Status::kBye) state_ = ConnectionState::kLogout;
    if (!r.capabilities.empty()) remember_capabilities(r.capabilities);
    if (r.status == Status::kOk || r.status == Status::kPreauth || r.status == Status::kBye) {
      return;
    }
  }
  // Not a greeting: it is still a response, and the rest of the session is judged on it.
  handle_response(r, info);
}

void Session::handle_response(const Response& r, const MessageInfo& info) {
  switch (r.kind) {
    case ResponseKind::kContinuation:
      handle_continuation(r, info);
      break;
    case ResponseKind::kTagged:
      handle_tagged(r, info);
      break;
    default:
      handle_untagged(r, info);
      break;
  }
}

void Session::handle_continuation(const Response& r, const MessageInfo& info) {
  ContinuationTarget target = ContinuationTarget::kNone;
  if (literal_waiting_)
    target = ContinuationTarget::kLiteral;
  else if (!authenticate_tag_.empty())
    target = ContinuationTarget::kAuthenticate;
  else if (!idle_tag_.empty() && !idle_continued_ && !idle_done_)
    target = ContinuationTarget::kIdle;
  notify(SessionEvent::kContinuation,
         [&](SessionObserver& o) { o.on_continuation(r, target, info); });
  if (target == ContinuationTarget::kLiteral) literal_waiting_ = false;
  if (target == ContinuationTarget::kIdle) idle_continued_ = true;
}

void Session::follow_capability_list(const Response& r, const InFlightCommand* cmd,
                                     const Message& m) {
  const bool ok = cmd != nullptr && r.status == Status::kOk;
  if (ok && changes_tls_or_authentication(cmd->id)) capability_list_stale_ = true;
  // A CAPABILITY code in STARTTLS's OK was sent before TLS: it lists nothing that holds after.
  if (!r.capabilities.empty() && !(ok && cmd->id == CommandId::kStarttls)) capabilities_listed(m);
}

void Session::apply_completion(CommandId id, bool ok, bool state_known) {
  // Where the state was known, a transition needs the state it leaves (RFC 9051 §3); after a
  // gap hid it, the completion alone decides.
  const auto was = [&](ConnectionState s) { return !state_known || state_ == s; };
  const auto not_logged_out = [&] { return !state_known || state_ != ConnectionState::kLogout; };
  switch (id) {
    case CommandId::kLogin:
    case CommandId::kAuthenticate:
      if (ok && was(ConnectionState::kNotAuthenticated)) state_ = ConnectionState::kAuthenticated;
      break;
    case CommandId::kSelect:
    case CommandId::kExamine:
      // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected.
      if (not_logged_out())
        state_ = ok ? ConnectionState::kSelected : ConnectionState::kAuthenticated;
      break;
    case CommandId::kClose:
    case CommandId::kUnselect:
      if (ok && was(ConnectionState::kSelected)) state_ = ConnectionState::kAuthenticated;
      break;
    case CommandId::kUnauthenticate:
      if (ok && not_logged_out()) state_ = ConnectionState::kNotAuthenticated;
      break;
    case CommandId::kLogout:
      if (ok) state_ = ConnectionState::kLogout;
      break;
    case CommandId::kStarttls:
      if (ok) starttls_accepted_ = true;
      break;
    case CommandId::kCompress:
      // RFC 4978 §3: compression starts for the server right after this OK and for the
      // client once it has read it; the server framer stops at this line's end.
      if (ok) {
        compress_armed_ = {true, true};
        server_framer_->pause();
      }
      break;
    default:
      break;
  }
}

void Session::handle_tagged(const Response& r, const MessageInfo& info) {
  const InFlightCommand* cmd = find_in_flight(r.tag);
  if (cmd == nullptr && had_gap_ && complete_after_gap(r)) return;
  if (cmd == nullptr && login_completion_pending_) {
    login_completion_pending_ = false;
    if (!r.capabilities.empty()) remember_capabilities(r.capabilities);
    return;
  }
  follow_capability_list(r, cmd, info.message);
  notify(
      SessionEvent::kCompletion, [&](SessionObserver& o) { o.on_completion(r, cmd, info); },
      cmd == nullptr ? ObserverPlan::kAnyMessage : static_cast<unsigned>(cmd->id));
  if (!r.capabilities.empty()) remember_capabilities(r.capabilities);
  if (cmd == nullptr) return;

  const bool ok = r.status == Status::kOk;
  if (ok && r.code) {
    if (SelectedMailbox* target = selecting_ ? &*selecting_ : (mailbox_ ? &*mailbox_ : nullptr)) {
      target->apply_code(*r.code);
    }
  }
  apply_completion(cmd->id, ok, true);
  // The mailbox model follows the selection (RFC 9051 §6.3.2: a failed SELECT leaves no
  // mailbox selected; §6.4.1, §6.4.2).
  switch (cmd->id) {
    case CommandId::kSelect:
    case CommandId::kExamine:
      if (ok && selecting_) {
        selecting_->complete_selection();
        mailbox_ = std::move(selecting_);
      } else {
        mailbox_.reset();
      }
      selecting_.reset();
      break;
    case CommandId::kClose:
    case CommandId::kUnselect:
      if (ok) mailbox_.reset();
      break;
    default:
      break;
  }
  if (cmd->tag == authenticate_tag_) {
    authenticate_tag_.clear();
    set_client_exchange_mode(false);
  }
  if (cmd->tag == idle_tag_) {
    idle_tag_.clear();
    set_client_exchange_mode(false);
  }
  if (r.status == Status::kBad) literal_waiting_ = false;  // RFC 9051 §2.2.1: BAD ends it
  if (had_gap_) completed_after_gap(*cmd, ok);
  recent_tags_[recent_next_] = cmd->tag;
  recent_next_ = (recent_next_ + 1) % recent_tags_.size();
  in_flight_.remove(*cmd);
}

void Session::handle_untagged(const Response& r, const MessageInfo& plain_info) {
  std::optional<FetchData> fetch;
  if (r.kind == ResponseKind::kUntaggedNumber && r.name == "FETCH") {
    fetch = read_fetch(r, plain_info.message);
  }
  const MessageInfo info{plain_info.message, plain_info.redact, fetch ? &*fetch : nullptr};
  const UntaggedKind untagged = untagged_kind(r);
  if (!r.capabilities.empty()) capabilities_listed(info.message);
  notify(
      SessionEvent::kUntagged, [&](SessionObserver& o) { o.on_untagged(r, info); },
      static_cast<unsigned>(untagged));
  const auto kind = static_cast<std::size_t>(untagged);
  for (InFlightCommand& c : in_flight_.live())
    ++c.untagged[kind];
  if (!r.capabilities.empty()) remember_capabilities(r.capabilities);
  update_mailbox(r, info);
  // RFC 9051 §7.1.5: BYE announces that the server closes the connection.
  if (r.kind == ResponseKind::kUntaggedStatus && r.status == Status::kBye) {
    state_ = ConnectionState::kLogout;
  }
}

void Session::update_mailbox(const Response& r, const MessageInfo& info) {
  if (r.kind == ResponseKind::kUntaggedData && r.name == "ENABLED") {
    for (const Arg& a : r.args) {
      // Once each, and a bounded number: a server repeating ENABLED must not grow the session.
      if (enabled_.size() < kMaxEnabled && !is_enabled(a.text)) enabled_.emplace_back(a.text);
    }
    update_syntax_in_force();
    return;
  }
  SelectedMailbox* target = selecting_ ? &*selecting_ : (mailbox_ ? &*mailbox_ : nullptr);
  if (target == nullptr) return;
  if (r.kind == ResponseKind::kUntaggedNumber) {
    if (r.name == "EXISTS")
      target->apply_exists(r.number);
    else if (r.name == "EXPUNGE")
      target->apply_expunge(r.number);
    else if (info.fetch != nullptr)
      target->apply_fetch(r.number, *info.fetch);
  } else if (r.kind == ResponseKind::kUntaggedData) {
    if (r.name == "FLAGS" && !r.args.empty()) {
      target->apply_flags(list_atoms(r.args[0]));
    } else if (r.name == "VANISHED" && !r.args.empty() && r.args[0].kind == ArgKind::kAtom) {
      // VANISHED (EARLIER) reports messages already gone before this session knew them.
      if (auto set = SequenceSet::parse(r.args[0].text)) target->apply_vanished(*set);
    }
  } else if (r.kind == ResponseKind::kUntaggedStatus && r.status == Status::kOk && r.code) {
    target->apply_code(*r.code);
  }
}

}  // namespace imapscope::analyzer
