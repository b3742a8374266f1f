#pragma once
// Where commands carry the extension parameters and modifiers the rules look for (RFC 4466 §2:
// select-param, fetch-modifier, store-modifier), and the CONDSTORE enabling commands of
// RFC 7162 §3.1. Shared by the condstore.* and qresync.* rules.

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/command.h"
#include "analyzer/session_observer.h"

namespace imapscope::checks::command_args {

// A parenthesized list holding the atom `upper` (ignoring case).
inline bool list_has_atom(const analyzer::Arg& a, std::string_view upper) {
  if (a.kind != analyzer::ArgKind::kList) return false;
  for (const analyzer::Arg& c : a.children) {
    if (c.is_atom(upper)) return true;
  }
  return false;
}

inline bool is_select(const analyzer::Command& cmd) {
  return cmd.id == analyzer::CommandId::kSelect || cmd.id == analyzer::CommandId::kExamine;
}
inline bool is_fetch(const analyzer::Command& cmd) {
  return cmd.id == analyzer::CommandId::kFetch || cmd.id == analyzer::CommandId::kUidFetch;
}
inline bool is_store(const analyzer::Command& cmd) {
  return cmd.id == analyzer::CommandId::kStore || cmd.id == analyzer::CommandId::kUidStore;
}

// SELECT / EXAMINE mailbox [SP "(" select-param ... ")"]: CONDSTORE, QRESYNC (...).
inline bool select_parameter(const analyzer::Command& cmd, std::string_view upper) {
  return is_select(cmd) && cmd.args.size() > 1 && list_has_atom(cmd.args[1], upper);
}
// FETCH sequence-set SP items [SP "(" fetch-modifier ... ")"]: CHANGEDSINCE n, VANISHED.
inline bool fetch_modifier(const analyzer::Command& cmd, std::string_view upper) {
  return is_fetch(cmd) && cmd.args.size() > 2 && list_has_atom(cmd.args[2], upper);
}
// FETCH of the MODSEQ data item, alone or in the item list.
inline bool fetch_item(const analyzer::Command& cmd, std::string_view upper) {
  return is_fetch(cmd) && cmd.args.size() > 1 &&
         (cmd.args[1].is_atom(upper) || list_has_atom(cmd.args[1], upper));
}
// STORE sequence-set [SP "(" store-modifier ... ")"] SP item SP value: UNCHANGEDSINCE n.
inline bool store_modifier(const analyzer::Command& cmd, std::string_view upper) {
  return is_store(cmd) && cmd.args.size() > 1 && list_has_atom(cmd.args[1], upper);
}

inline bool has_atom_anywhere(const std::vector<analyzer::Arg>& args, std::string_view upper) {
  for (const analyzer::Arg& a : args) {
    if (a.is_atom(upper)) return true;
    if (a.kind == analyzer::ArgKind::kList && has_atom_anywhere(a.children, upper)) return true;
  }
  return false;
}

// The commands condstore_enabling() can be true for (SELECT and EXAMINE also reset what a
// mailbox said about NOMODSEQ): what rules that follow CONDSTORE awareness watch.
inline constexpr analyzer::CommandWatch kCondstoreEnabling{
    analyzer::CommandId::kSelect,   analyzer::CommandId::kExamine,   analyzer::CommandId::kFetch,
    analyzer::CommandId::kUidFetch, analyzer::CommandId::kStore,     analyzer::CommandId::kUidStore,
    analyzer::CommandId::kSearch,   analyzer::CommandId::kUidSearch, analyzer::CommandId::kStatus};

// RFC 7162 §3.1: "SELECT/EXAMINE with CONDSTORE", "STATUS with HIGHESTMODSEQ", "a FETCH or
// SEARCH command that includes the MODSEQ message data item", "a FETCH command with the
// CHANGEDSINCE modifier", "a STORE command with the UNCHANGEDSINCE modifier", and (§3.2.5)
// SELECT/EXAMINE with QRESYNC. ENABLE CONDSTORE / QRESYNC is read from the session instead.
inline bool condstore_enabling(const analyzer::Command& cmd) {
  using analyzer::CommandId;
  if (select_parameter(cmd, "CONDSTORE") || select_parameter(cmd, "QRESYNC")) return true;
  if (fetch_item(cmd, "MODSEQ") || fetch_modifier(cmd, "CHANGEDSINCE")) return true;
  if (store_modifier(cmd, "UNCHANGEDSINCE")) return true;
  if (cmd.id == CommandId::kSearch || cmd.id == CommandId::kUidSearch) {
    return has_atom_anywhere(cmd.args, "MODSEQ");
  }
  if (cmd.id == CommandId::kStatus && cmd.args.size() > 1) {
    return list_has_atom(cmd.args[1], "HIGHESTMODSEQ");
  }
  return false;
}

// RFC 7162 §3.2.4: FETCH responses a FETCH (or UID FETCH) asked for are exempt from the
// "UID and MODSEQ in every FETCH" requirement, and so are those during a SELECT/EXAMINE, which
// come before the mailbox could say NOMODSEQ. True while such a command is in flight.
inline bool fetch_or_select_in_flight(const analyzer::SessionView& session) {
  using analyzer::CommandId;
  for (const analyzer::InFlightCommand& c : session.in_flight()) {
    if (c.id == CommandId::kFetch || c.id == CommandId::kUidFetch || c.id == CommandId::kSelect ||
        c.id == CommandId::kExamine)
      return true;
  }
  return false;
}

// Whether the server may support CONDSTORE: it lists CONDSTORE or QRESYNC (RFC 7162 §3.1.1:
// the extension "is present in any IMAP4 implementation that returns "CONDSTORE" as one of the
// supported capabilities"; §3.2.3: "QRESYNC" implies CONDSTORE), or its
// list is unknown (none seen, or one from before STARTTLS or login that may have grown since).
// A server without CONDSTORE need not know MODSEQ or HIGHESTMODSEQ at all: one that answers
// OK to STATUS (HIGHESTMODSEQ) while ignoring the item has made nobody CONDSTORE-aware.
inline bool server_may_support_condstore(const analyzer::SessionView& s) {
  return s.capabilities().empty() || s.capability_list_stale() || s.has_capability("CONDSTORE") ||
         s.has_capability("QRESYNC");
}

// Whether the client has announced itself "CONDSTORE-aware" (RFC 7162 §3.1): an enabling
// command the server completed with OK, to a server that may support CONDSTORE, or CONDSTORE /
// QRESYNC enabled by ENABLE.
class CondstoreAwareness {
 public:
  void on_command(const analyzer::Command& cmd) {
    if (condstore_enabling(cmd)) pending_.emplace_back(cmd.tag);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd) {
    if (cmd == nullptr) return;
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (*it != cmd->tag) continue;
      if (r.status == analyzer::Status::kOk) aware_ = true;
      pending_.erase(it);
      return;
    }
  }
  bool aware(const analyzer::SessionView& s) const {
    return (aware_ && server_may_support_condstore(s)) || s.is_enabled("CONDSTORE") ||
           s.is_enabled("QRESYNC");
  }

 private:
  std::vector<std::string> pending_;
  bool aware_ = false;
};

// Whether the mailbox selected last answered OK [NOMODSEQ] (RFC 7162 §3.1.2.2).
class NomodseqTracker {
 public:
  void on_command(const analyzer::Command& cmd) {
    if (is_select(cmd)) nomodseq_ = false;
  }
  void on_untagged(const analyzer::Response& r) {
    if (r.kind == analyzer::ResponseKind::kUntaggedStatus && r.code &&
        analyzer::iequals(r.code->name, "NOMODSEQ")) {
      nomodseq_ = true;
    }
  }
  bool nomodseq() const { return nomodseq_; }

 private:
  bool nomodseq_ = false;
};

// Tags of commands in progress that matched some test when they were sent.
class TagSet {
 public:
  void add(std::string_view tag) { tags_.emplace_back(tag); }
  bool contains(std::string_view tag) const {
    for (const std::string& t : tags_) {
      if (t == tag) return true;
    }
    return false;
  }
  // Forgets `tag` (once); false when it was not there.
  bool remove(std::string_view tag) {
    for (auto it = tags_.begin(); it != tags_.end(); ++it) {
      if (*it == tag) {
        tags_.erase(it);
        return true;
      }
    }
    return false;
  }
  std::size_t size() const { return tags_.size(); }
  // Whether any command in progress is one of these.
  bool any_in_flight(const analyzer::SessionView& s) const {
    for (const analyzer::InFlightCommand& c : s.in_flight()) {
      if (contains(c.tag)) return true;
    }
    return false;
  }

 private:
  std::vector<std::string> tags_;
};

}  // namespace imapscope::checks::command_args
