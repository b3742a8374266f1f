// The session after a gap (RFC-independent: what a capture lacks). Bytes missing from one
// direction may have held anything: the end of a literal, whole commands, their responses, a
// change of state. So the session
//   - resynchronizes that direction on the next line that plausibly begins a message
//     (resync.h), discarding what comes before it;
//   - forgets what the gap may have changed: the selected mailbox's contents (its message
//     count, UIDs and flags are unknown until the next SELECT or EXAMINE), the commands in
//     progress (whose responses may be lost: their completions are applied but not judged),
//     an AUTHENTICATE or IDLE exchange of the client's side, a continuation awaited;
//   - knows the connection state again only when no gap could have changed it: a gap in the
//     server's responses while no state-changing command was in progress changes nothing;
//     otherwise the state is known again at the next completion that sets it (LOGIN,
//     AUTHENTICATE, SELECT, EXAMINE, CLOSE, UNSELECT, UNAUTHENTICATE, LOGOUT).
// Findings are suspended until every direction has resynchronized and the state is known, so
// a gap never produces a false violation, and what comes after it is still checked.

#include <algorithm>

#include "analyzer/session.h"

namespace imapscope::analyzer {
namespace {

// Commands whose completion sets the connection state (RFC 9051 §3, §6.2, §6.3, §6.4).
bool sets_state(CommandId id) {
  switch (id) {
    case CommandId::kLogin:
    case CommandId::kAuthenticate:
    case CommandId::kSelect:
    case CommandId::kExamine:
    case CommandId::kClose:
    case CommandId::kUnselect:
    case CommandId::kUnauthenticate:
    case CommandId::kLogout:
      return true;
    default:
      return false;
  }
}

}  // namespace

void Session::remove_observer(SessionObserver* observer) {
  for (auto& list : listeners_)
    std::erase_if(list, [&](const Listener& l) { return l.observer == observer; });
}

void Session::begin_resync(Direction dir) {
  resync_[static_cast<std::size_t>(dir)].start();
  literal_rest_[static_cast<std::size_t>(dir)] = false;
  const bool client = dir == Direction::kClientToServer;
  // A connection picked up mid-stream, or a gap where the greeting was: it is lost, and the
  // first response seen is no greeting.
  if (!client) greeting_seen_ = true;
  for (const InFlightCommand& c : in_flight_.live()) {
    if (sets_state(c.id)) state_known_ = false;
    lost_commands_.push_back({c.tag, c.id});
  }
  in_flight_.clear();
  if (lost_commands_.size() > 64) {  // tags the server never answers: keep the latest
    lost_commands_.erase(lost_commands_.begin(), lost_commands_.end() - 64);
  }
  if (client) {
    // Lost commands may have changed the state, and their tags are unknown.
    state_known_ = false;
    commands_lost_ = true;
    authenticate_tag_.clear();
    idle_tag_.clear();
    idle_continued_ = false;
    idle_done_ = false;
    set_client_exchange_mode(false);
  }
  mailbox_.reset();
  selecting_.reset();
  literal_waiting_ = false;
  login_completion_pending_ = false;
  update_suspension();
}

bool Session::resynchronize(Direction dir, std::string_view& bytes, const Origin& origin) {
  const bool client = dir == Direction::kClientToServer;
  const auto tag_in_progress = [this](std::string_view tag) {
    return find_in_flight(tag) != nullptr ||
           std::any_of(lost_commands_.begin(), lost_commands_.end(),
                       [&](const LostCommand& c) { return c.tag == tag; });
  };
  auto resumed =
      resync_[static_cast<std::size_t>(dir)].scan(bytes, origin, [&](std::string_view head) {
        return client ? plausible_command_start(head)
                      : plausible_response_start(head, tag_in_progress);
      });
  if (!resumed) return false;
  Framer& framer = client ? *client_framer_ : *server_framer_;
  framer.reset(resumed->skipped);  // offsets stay true to the stream
  update_suspension();
  framer.feed(resumed->head, resumed->head_origin);
  bytes = resumed->rest;
  return true;
}

bool Session::complete_after_gap(const Response& r) {
  const auto lost = std::find_if(lost_commands_.begin(), lost_commands_.end(),
                                 [&](const LostCommand& c) { return c.tag == r.tag; });
  if (lost == lost_commands_.end()) return commands_lost_;  // a command the gap hid
  const CommandId id = lost->id;
  lost_commands_.erase(lost);
  const bool ok = r.status == Status::kOk;
  // The effects the session cannot do without, from the completion alone (the state it left is
  // not known); the mailbox stays unknown.
  apply_completion(id, ok, false);
  if (id == CommandId::kAuthenticate || id == CommandId::kIdle) {
    authenticate_tag_.clear();
    idle_tag_.clear();
    set_client_exchange_mode(false);
  }
  // The state is known again once no lost command could still change it, unless commands
  // themselves were lost.
  if (!commands_lost_ && std::none_of(lost_commands_.begin(), lost_commands_.end(),
                                      [](const LostCommand& c) { return sets_state(c.id); })) {
    state_known_ = true;
  }
  update_suspension();
  return true;
}

void Session::completed_after_gap(const InFlightCommand& cmd, bool ok) {
  // The server answered a command sent after the gap: the commands the gap hid, sent before,
  // have been answered too (or never will be).
  commands_lost_ = false;
  const bool known =
      (cmd.id == CommandId::kSelect || cmd.id == CommandId::kExamine) || (ok && sets_state(cmd.id));
  if (known) {
    state_known_ = true;
    lost_commands_.erase(std::remove_if(lost_commands_.begin(), lost_commands_.end(),
                                        [](const LostCommand& c) { return sets_state(c.id); }),
                         lost_commands_.end());
  }
  update_suspension();
}

void Session::update_suspension() {
  suspended_ = resync_[0].active() || resync_[1].active() || !state_known_;
}

}  // namespace imapscope::analyzer
