#pragma once
// The events of a replayed IMAP session, in the order the two sides really exchanged them.
// Every event is delivered before the session applies the message's effect, so an observer
// sees the state each side had when the message was sent, plus the message itself. The
// checks/ library's rules are observers; the analyzer knows nothing of them.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "analyzer/command.h"
#include "analyzer/mailbox.h"
#include "analyzer/message.h"
#include "analyzer/response.h"
#include "analyzer/watch_set.h"

namespace imapscope::analyzer {

// Untagged responses counted while a command is in progress, so a rule can check what the
// command required or forbade when its completion arrives.
enum class UntaggedKind : unsigned char {
  kCapability,
  kBye,
  kOk,
  kNo,
  kBad,
  kExists,
  kExpunge,
  kFetch,
  kFlags,
  kList,
  kLsub,
  kSearch,
  kEsearch,
  kStatus,
  kEnabled,
  kNamespace,
  kId,
  kRecent,
  kOther,
  kCount
};
UntaggedKind untagged_kind(const Response& r);

// What an observer's on_command and on_untagged act on (see SessionObserver::watched_commands).
using CommandWatch = WatchSet<CommandId>;
using UntaggedWatch = WatchSet<UntaggedKind>;
static_assert(static_cast<unsigned>(CommandId::kUnknown) < 64);
static_assert(static_cast<unsigned>(UntaggedKind::kCount) <= 64);

// What rules look at most (the id, the tag) comes first: they walk the commands in flight on
// many messages, and with hundreds of connections open each line read is a cache miss.
struct InFlightCommand {
  CommandId id = CommandId::kUnknown;
  bool parsed = true;  // false when the command had a syntax error after a valid tag
  ConnectionState state_at_send = ConnectionState::kNotAuthenticated;
  std::string tag;
  std::uint64_t offset = 0;
  std::string name;
  Origin origin;
  std::string excerpt;  // first line, redacted as the session was told
  std::array<std::uint32_t, static_cast<std::size_t>(UntaggedKind::kCount)> untagged{};

  std::uint32_t seen(UntaggedKind k) const { return untagged[static_cast<std::size_t>(k)]; }
};

// What a continuation request answered (RFC 9051 §7.6).
enum class ContinuationTarget : unsigned char {
  kNone,          // nothing was waiting for one
  kLiteral,       // a synchronizing literal the client announced
  kAuthenticate,  // an AUTHENTICATE exchange in progress
  kIdle,          // the IDLE command's "+ idling"
};

// The session as observers may read it.
class SessionView {
 public:
  virtual ~SessionView() = default;
  virtual ConnectionState state() const = 0;
  virtual bool greeting_seen() const = 0;
  virtual std::span<const InFlightCommand> in_flight() const = 0;
  virtual const InFlightCommand* find_in_flight(std::string_view tag) const = 0;
  // True when `tag` belonged to a command that was completed recently in this session.
  virtual bool recently_completed(std::string_view tag) const = 0;
  // The capabilities the server last advertised (greeting code, CAPABILITY response or code).
  virtual const std::vector<std::string>& capabilities() const = 0;
  virtual bool has_capability(std::string_view name) const = 0;
  // True when STARTTLS, LOGIN, AUTHENTICATE or UNAUTHENTICATE succeeded since the server last
  // listed its capabilities: the list may no longer describe the connection (RFC 9051 §6.2.1:
  // "Once TLS has been started, the client MUST discard cached information about server
  // capabilities"; §7.2.2). A CAPABILITY code in STARTTLS's OK predates TLS and lists nothing.
  virtual bool capability_list_stale() const = 0;
  // Where the last listing (greeting code, CAPABILITY response or code) was; all zero when
  // none was seen.
  virtual const capture::Origin& capability_list_origin() const = 0;
  virtual std::uint64_t command_count() const = 0;
  virtual std::uint64_t response_count() const = 0;
  // The mailbox being selected (while SELECT/EXAMINE is in progress) or selected; else null.
  virtual const SelectedMailbox* mailbox() const = 0;
  // Whether ENABLE turned `name` on (RFC 5161; RFC 9051 §6.3.1), e.g. CONDSTORE, QRESYNC.
  virtual bool is_enabled(std::string_view name) const = 0;
  // IMAP4rev2 rules apply: the server offers IMAP4rev2, and the client enabled it or the
  // server offers nothing older (RFC 9051 §6.1.1 and Appendix E).
  virtual bool imap4rev2_in_force() const = 0;
  // True when the input began after a login it does not hold (see SessionOptions).
  virtual bool started_after_login() const = 0;
  virtual bool may_end_at_login() const = 0;
  // True once bytes of either direction were missing from the input (a capture gap, or a
  // connection picked up mid-stream).
  virtual bool had_gap() const = 0;
  // True while findings would not be trustworthy: from a gap until every direction has
  // resynchronized and the connection state is known again, and at the end of a connection
  // that had a gap (whose judgement needs the whole stream). RuleContext reports nothing then.
  virtual bool findings_suspended() const { return had_gap(); }
};

// A message handed to observers, with the means to quote it in a report.
struct MessageInfo {
  const Message& message;
  bool redact = true;
  // For an untagged FETCH response: its items, read once by the session for the mailbox
  // model and every rule (RFC 9051 §7.5.2). Null for any other message.
  const FetchData* fetch = nullptr;
  std::string excerpt() const { return analyzer::excerpt(message, redact); }
};

// The events a SessionObserver receives, one per virtual function below.
enum class SessionEvent : unsigned char {
  kGreeting,
  kCommand,
  kLiteralAnnounced,
  kClientLiteralData,
  kExchangeLine,
  kContinuation,
  kUntagged,
  kCompletion,
  kSyntaxError,
  kStreamEnd,
  kCount
};

class SessionObserver {
 public:
  virtual ~SessionObserver() = default;
  // The server's first message. `response` is null when it did not parse (`error` says why).
  virtual void on_greeting(const Response* /*response*/, const SyntaxError* /*error*/,
                           const MessageInfo& /*info*/) {
    ignore(SessionEvent::kGreeting);
  }
  virtual void on_command(const Command& /*command*/, const MessageInfo& /*info*/) {
    ignore(SessionEvent::kCommand);
  }
  // A line of either side ended in a literal announcement; `info.message` is the message so
  // far (its last line carries the announcement).
  virtual void on_literal_announced(const Literal& /*literal*/, const MessageInfo& /*info*/) {
    ignore(SessionEvent::kLiteralAnnounced);
  }
  // The first octet of a client literal arrived. `continued` tells whether the server had
  // sent the continuation request a synchronizing literal waits for (RFC 9051 §7.6).
  virtual void on_client_literal_data(const Literal& /*literal*/, bool /*continued*/,
                                      const MessageInfo& /*info*/) {
    ignore(SessionEvent::kClientLiteralData);
  }
  // A client line inside an AUTHENTICATE exchange or IDLE (RFC 9051 §6.2.2, §6.3.13).
  virtual void on_exchange_line(const InFlightCommand* /*command*/, const MessageInfo& /*info*/) {
    ignore(SessionEvent::kExchangeLine);
  }
  virtual void on_continuation(const Response& /*response*/, ContinuationTarget /*target*/,
                               const MessageInfo& /*info*/) {
    ignore(SessionEvent::kContinuation);
  }
  virtual void on_untagged(const Response& /*response*/, const MessageInfo& /*info*/) {
    ignore(SessionEvent::kUntagged);
  }
  // A tagged response; `command` is null when no command with that tag was in progress.
  virtual void on_completion(const Response& /*response*/, const InFlightCommand* /*command*/,
                             const MessageInfo& /*info*/) {
    ignore(SessionEvent::kCompletion);
  }
  // A message that does not parse (including one cut short by the end of the stream).
  virtual void on_syntax_error(const SyntaxError& /*error*/, const MessageInfo& /*info*/) {
    ignore(SessionEvent::kSyntaxError);
  }
  virtual void on_stream_end() { ignore(SessionEvent::kStreamEnd); }

  // The commands on_command acts on, and the untagged responses (by untagged_kind()) on_untagged
  // acts on: the session calls them for those only. Asked once, when the observer is added (for
  // observers in a block, once for all blocks: the sets must be properties of the class, see
  // observer_plan.h); an observer that does nothing for the others may declare them, one that
  // declares nothing is called for every message.
  virtual CommandWatch watched_commands() const { return CommandWatch::all(); }
  virtual UntaggedWatch watched_untagged() const { return UntaggedWatch::all(); }
  // The commands whose completion on_completion acts on. A tagged response that completes no
  // command in progress goes to every observer that watches any completion.
  virtual CommandWatch watched_completions() const { return CommandWatch::all(); }

  // True once the observer was handed `event` and left it to the default above, which does
  // nothing: the session then stops calling it for that event. Most rules watch one or two
  // events; a session with a couple of hundred of them would otherwise make as many virtual
  // calls per message that return at once.
  bool ignores(SessionEvent event) const {
    return (ignored_ >> static_cast<unsigned>(event) & 1u) != 0;
  }

 private:
  void ignore(SessionEvent event) { ignored_ |= 1u << static_cast<unsigned>(event); }
  unsigned ignored_ = 0;
};

}  // namespace imapscope::analyzer
