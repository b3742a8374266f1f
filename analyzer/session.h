#pragma once
// The replay of one IMAP connection: both directions' framers, the parsers, the connection
// state machine of RFC 9051 §3 and the tracker of commands in progress. Bytes go in through
// feed() in the order they were exchanged; observers receive the session's events.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/deflate_stream.h"
#include "analyzer/framer.h"
#include "analyzer/in_flight_commands.h"
#include "analyzer/observer_plan.h"
#include "analyzer/resync.h"
#include "analyzer/session_observer.h"
#include "analyzer/tls_handshake.h"

namespace imapscope::analyzer {

struct SessionOptions {
  FramerLimits limits;
  bool redact = true;  // replace credentials with "***" in excerpts
  // The input may begin right after a successful login (no greeting; the first tagged
  // response completes a LOGIN or AUTHENTICATE the input does not hold).
  bool may_start_after_login = false;
  // The input may end at the login's hand-off, with LOGIN or AUTHENTICATE still in progress.
  bool may_end_at_login = false;
};

class Session final : public SessionView {
 public:
  explicit Session(SessionOptions options = {});
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void add_observer(SessionObserver* observer);
  void remove_observer(SessionObserver* observer);
  // Observers laid out in `block` as `plan` says (see observer_plan.h); both must outlive the
  // session. They are called before those added with add_observer. One block per session.
  void set_observer_block(const ObserverPlan& plan, std::byte* block) {
    plan_ = &plan;
    block_ = block;
  }

  void feed(Direction dir, std::string_view bytes, const Origin& origin);
  // Whether the connection switched to TLS, so the rest of its bytes are ciphertext.
  enum class Tls : unsigned char { kNone, kStarttls, kImplicit };
  Tls tls() const { return tls_; }
  // What the visible TLS handshake said (SNI, versions, cipher suite), once tls() is set.
  const TlsDetails& tls_details() const { return tls_details_; }
  // Whether COMPRESS=DEFLATE was negotiated and its stream inflated (RFC 4978).
  bool compressed() const { return compressed_; }
  // Bytes of `dir` are missing from the input (see capture::StreamSink::on_gap): that
  // direction resynchronizes on the next line that plausibly begins a message (resync.h), and
  // the session forgets what the gap may have changed (see session_resync.cpp).
  void on_gap(Direction dir, std::uint64_t bytes_missing = 0);
  void finish();

  // SessionView
  ConnectionState state() const override { return state_; }
  bool greeting_seen() const override { return greeting_seen_; }
  std::span<const InFlightCommand> in_flight() const override { return in_flight_.live(); }
  const InFlightCommand* find_in_flight(std::string_view tag) const override;
  bool recently_completed(std::string_view tag) const override;
  const std::vector<std::string>& capabilities() const override { return capabilities_; }
  bool has_capability(std::string_view name) const override;
  bool capability_list_stale() const override { return capability_list_stale_; }
  const capture::Origin& capability_list_origin() const override { return capability_list_origin_; }
  std::uint64_t command_count() const override { return commands_; }
  std::uint64_t response_count() const override { return responses_; }
  const SelectedMailbox* mailbox() const override;
  bool is_enabled(std::string_view name) const override;
  bool imap4rev2_in_force() const override;
  bool started_after_login() const override { return started_after_login_; }
  bool may_end_at_login() const override { return options_.may_end_at_login; }
  bool had_gap() const override { return had_gap_; }
  // More than kMaxInFlight commands were in progress at once (a client pipelining without
  // end): the session stopped tracking there, as after a gap, so memory and time stay bounded.
  static constexpr std::size_t kMaxInFlight = 1000;
  // Capabilities remembered as ENABLED (RFC 5161); more are not tracked.
  static constexpr std::size_t kMaxEnabled = 256;
  bool in_flight_overflow() const { return in_flight_overflow_; }
  bool findings_suspended() const override { return suspended_ || (ending_ && had_gap_); }

 private:
  class DirectionSink;

  void feed_plain(Direction dir, std::string_view bytes, const Origin& origin);
  void on_literal_announced(Direction dir, const Message& m, const Literal& literal);
  void on_literal_begin(Direction dir, const Message& m, const Literal& literal);
  void on_client_message(Message& m);
  void on_server_message(Message& m);
  void handle_greeting(const Message& m);
  // Routes a parsed response to the handler of its kind.
  void handle_response(const Response& r, const MessageInfo& info);
  void handle_continuation(const Response& r, const MessageInfo& info);
  void handle_tagged(const Response& r, const MessageInfo& info);
  void handle_untagged(const Response& r, const MessageInfo& info);
  void track_command(const Command& cmd, const Message& m, bool parsed);
  void remember_capabilities(const std::vector<std::string_view>& caps);
  // Whether the capability list still holds after the completion `r` of `cmd` (null: a tag
  // no command in progress has).
  void follow_capability_list(const Response& r, const InFlightCommand* cmd, const Message& m);
  void capabilities_listed(const Message& m) {
    capability_list_stale_ = false;
    capability_list_origin_ = m.origin;
  }
  void update_syntax_in_force();
  void update_mailbox(const Response& r, const MessageInfo& info);
  void set_client_exchange_mode(bool on);
  void refuse_pending_literal(const Response& r);
  // The strict grammar (session_grammar.cpp): reports its deviations and errors; with
  // `lenient_error` (the generic parse failed) only what explains or replaces that error.
  void check_grammar(const Message& m, const MessageInfo& info, const SyntaxError* lenient_error);
  // After a gap (session_resync.cpp).
  void begin_resync(Direction dir);
  // Feeds the direction's resynchronization; false while it still discards, else `bytes` is
  // what follows the resynchronization point.
  bool resynchronize(Direction dir, std::string_view& bytes, const Origin& origin);
  // The connection state (and STARTTLS, COMPRESS) a completed command changes; `state_known`
  // false when a gap hid the state the command was sent in.
  void apply_completion(CommandId id, bool ok, bool state_known);
  // A tagged response to a command whose exchange the gap cut: applied, not shown to rules.
  bool complete_after_gap(const Response& r);
  void completed_after_gap(const InFlightCommand& cmd, bool ok);
  void update_suspension();

  // Hands `event` to the observers that handle it: first those of the block its plan lists,
  // then those added with add_observer, in the order they were added; one of these that turns
  // out to ignore the event (SessionObserver::ignores) is not called for it again. `message`
  // is what the event is about, for the events whose observers declare what they watch
  // (ObserverPlan::targets): observers that do not watch it are skipped.
  template <typename F>
  void notify(SessionEvent event, F&& f, unsigned message = ObserverPlan::kAnyMessage) {
    if (plan_ != nullptr) {
      for (const std::uint32_t offset : plan_->targets(event, message))
        f(*std::launder(reinterpret_cast<SessionObserver*>(block_ + offset)));
    }
    std::vector<Listener>& list = listeners_[static_cast<std::size_t>(event)];
    if (list.empty()) return;
    const std::uint64_t watch_bit =
        message == ObserverPlan::kAnyMessage ? ~std::uint64_t{0} : std::uint64_t{1} << message;
    bool ignored = false;
    for (const Listener& l : list) {
      if ((l.watched & watch_bit) == 0) continue;
      f(*l.observer);
      ignored = ignored || l.observer->ignores(event);
    }
    if (ignored) std::erase_if(list, [&](const Listener& l) { return l.observer->ignores(event); });
  }

  SessionOptions options_;
  std::unique_ptr<DirectionSink> client_sink_;
  std::unique_ptr<DirectionSink> server_sink_;
  std::unique_ptr<Framer> client_framer_;
  std::unique_ptr<Framer> server_framer_;
  const ObserverPlan* plan_ = nullptr;
  std::byte* block_ = nullptr;
  // Per SessionEvent, the observers added with add_observer still called for it (see
  // notify()), each with the set of messages it watches, kept next to it so that skipping an
  // observer does not touch it.
  struct Listener {
    SessionObserver* observer;
    std::uint64_t watched;
  };
  std::array<std::vector<Listener>, static_cast<std::size_t>(SessionEvent::kCount)> listeners_;

  ConnectionState state_ = ConnectionState::kNotAuthenticated;
  bool greeting_seen_ = false;
  InFlightCommands in_flight_;
  // The command and the response being handled, parsed into the same objects every time so
  // that their argument lists keep their storage. A response may deliver a command inside its
  // handling (a BAD refusing a literal), never another response, nor a command a command.
  Command command_;
  Response response_;
  std::array<std::string, 16> recent_tags_;  // ring of the last completed tags
  std::size_t recent_next_ = 0;
  std::vector<std::string> capabilities_;
  // Kept for the rules about extensions a client uses (SessionView::capability_list_stale);
  // once per session rather than once per rule, as every completion may change it.
  bool capability_list_stale_ = false;
  capture::Origin capability_list_origin_;
  std::optional<SelectedMailbox> mailbox_;    // selected (RFC 9051 §3.3)
  std::optional<SelectedMailbox> selecting_;  // SELECT/EXAMINE in progress
  std::vector<std::string> enabled_;          // ENABLED capabilities
  bool rev2_in_force_ = false;                // imap4rev2_in_force(), kept up to date
  bool utf8_accepted_ = false;                // UTF-8 quoted strings allowed, kept with it
  // COMPRESS=DEFLATE (RFC 4978): armed by COMPRESS's tagged OK, a direction's next bytes are
  // inflated, unless they are already plain text (a transcript written decompressed).
  std::array<bool, 2> compress_armed_{};
  std::array<std::unique_ptr<DeflateStream>, 2> inflaters_;
  bool compressed_ = false;
  Tls tls_ = Tls::kNone;
  // Each direction's hello, read from the ciphertext's clear start (RFC 8446 §4.1).
  std::array<TlsHelloReader, 2> tls_readers_{TlsHelloReader(true), TlsHelloReader(false)};
  TlsDetails tls_details_;
  bool starttls_accepted_ = false;  // STARTTLS completed with OK (RFC 9051 §6.2.1)
  bool started_after_login_ = false;
  bool had_gap_ = false;
  bool in_flight_overflow_ = false;
  std::array<ResyncScanner, 2> resync_;
  struct LostCommand {
    std::string tag;
    CommandId id = CommandId::kUnknown;
  };
  std::vector<LostCommand> lost_commands_;  // in progress when a gap came
  bool suspended_ = false;                  // findings wait for resynchronization and a known state
  bool state_known_ = true;                 // false when a gap may have hidden a change of state
  bool commands_lost_ = false;             // a client gap may have hidden commands (and their tags)
  bool ending_ = false;                    // finish() is running
  bool login_completion_pending_ = false;  // the unseen login's tagged OK is still to come
  std::uint64_t commands_ = 0;
  std::uint64_t responses_ = 0;

  bool literal_waiting_ = false;  // a client synchronizing literal awaits "+"
  // Per direction: the last message had the literal-length deviation, so a line after it that
  // is no message is the rest of that literal's octets (session_grammar.cpp).
  std::array<bool, 2> literal_rest_{};
  std::string authenticate_tag_;  // AUTHENTICATE in progress
  std::string idle_tag_;          // IDLE in progress
  bool idle_continued_ = false;   // its "+" arrived
  bool idle_done_ = false;        // DONE was sent
};

}  // namespace imapscope::analyzer
