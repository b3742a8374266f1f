#pragma once
// Typed views of the client commands the model and the rules read most (RFC 9051 §6, with the
// RFC 4466 extension points): FETCH, STORE, SELECT/EXAMINE, COPY/MOVE, APPEND, STATUS and
// SEARCH, each with its sequence set, flags, items, mailbox and modifiers read to their types.
// Every view points into the Message its Command came from.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/command.h"
#include "analyzer/sequence_set.h"
#include "analyzer/typed/fetch_att.h"
#include "analyzer/typed/value.h"

namespace imapscope::analyzer::typed {

// sequence-set, or "$" (RFC 5182 §2: the saved search result).
struct SequenceSetArg {
  std::string_view text;
  std::optional<SequenceSet> set;  // nullopt for "$"
  bool saved_result() const { return text == "$"; }
  friend bool operator==(const SequenceSetArg&, const SequenceSetArg&) = default;
};

// FETCH / UID FETCH sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att
// *(SP fetch-att) ")") [SP "(" fetch-modifier *(SP fetch-modifier) ")"]
struct FetchCommand {
  bool uid = false;
  SequenceSetArg set;
  std::string_view macro;  // ALL, FAST or FULL; empty when items are listed
  std::vector<FetchAttribute> items;
  std::optional<std::uint64_t> changedsince;  // RFC 7162 §3.1.4.1
  bool vanished = false;                      // RFC 7162 §3.2.6

  bool asks_for(std::string_view upper) const;  // an item of that name (macros not expanded)
  friend bool operator==(const FetchCommand&, const FetchCommand&) = default;
};

// STORE / UID STORE sequence-set [SP "(" store-modifier ")"] SP store-att-flags
// store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
struct StoreCommand {
  enum class Mode : unsigned char { kReplace, kAdd, kRemove };
  bool uid = false;
  SequenceSetArg set;
  std::optional<std::uint64_t> unchangedsince;  // RFC 7162 §3.1.3
  std::string_view item;                        // as sent: "+FLAGS.SILENT", "X-GM-LABELS"...
  Mode mode = Mode::kReplace;
  bool silent = false;
  bool flags_item = false;  // FLAGS (not a vendor item such as X-GM-LABELS)
  std::vector<std::string_view> flags;

  friend bool operator==(const StoreCommand&, const StoreCommand&) = default;
};

// SELECT / EXAMINE mailbox [SP "(" select-param *(SP select-param) ")"]
struct SelectCommand {
  // RFC 7162 §3.2.5: QRESYNC (uidvalidity mod-sequence [known-uids [seq-match-data]])
  struct Qresync {
    std::uint32_t uidvalidity = 0;
    std::uint64_t modseq = 0;
    std::optional<SequenceSetArg> known_uids;
    std::optional<SequenceSetArg> known_sequence_numbers, known_sequence_uids;
    friend bool operator==(const Qresync&, const Qresync&) = default;
  };
  bool examine = false;
  ImapString mailbox;
  bool condstore = false;  // RFC 7162 §3.1.8
  std::optional<Qresync> qresync;

  friend bool operator==(const SelectCommand&, const SelectCommand&) = default;
};

// COPY / MOVE / UID COPY / UID MOVE sequence-set SP mailbox  (RFC 9051 §6.4.7, §6.4.8)
struct CopyCommand {
  bool uid = false;
  bool move = false;
  SequenceSetArg set;
  ImapString mailbox;
  friend bool operator==(const CopyCommand&, const CopyCommand&) = default;
};

// APPEND mailbox 1*([SP flag-list] [SP date-time] SP literal) — more than one message with
// MULTIAPPEND (RFC 3502 §6); the message may come as UTF8 (literal8) (RFC 6855 §4) or be
// assembled with CATENATE (RFC 4469 §5), whose parts stay generic.
struct AppendCommand {
  struct Message {
    std::vector<std::string_view> flags;
    ImapString date;     // NIL form when absent
    ImapString content;  // the literal (octets referenced, size exact); NIL form for CATENATE
    std::optional<Value> catenate;
    bool utf8 = false;  // sent as UTF8 (literal8)
    friend bool operator==(const Message&, const Message&) = default;
  };
  ImapString mailbox;
  std::vector<Message> messages;
  friend bool operator==(const AppendCommand&, const AppendCommand&) = default;
};

// STATUS mailbox SP "(" status-att *(SP status-att) ")"
struct StatusCommand {
  ImapString mailbox;
  std::vector<std::string_view> items;
  friend bool operator==(const StatusCommand&, const StatusCommand&) = default;
};

// SEARCH / UID SEARCH [search-return-opts] [SP "CHARSET" SP charset] 1*(SP search-key)
// (RFC 9051 §6.4.4; RETURN from RFC 4731 §3). Keys stay generic; the strict grammar checks them.
struct SearchCommand {
  bool uid = false;
  std::optional<std::vector<std::string_view>> return_options;  // RETURN (MIN MAX ...)
  ImapString charset;                                           // NIL form when absent
  std::vector<Value> keys;
  friend bool operator==(const SearchCommand&, const SearchCommand&) = default;
};

// Each reads its command; nullopt when `cmd` is another command or its arguments do not have
// the command's shape (the strict grammar names the error).
std::optional<FetchCommand> read_fetch_command(const Command& cmd);
std::optional<StoreCommand> read_store_command(const Command& cmd);
std::optional<SelectCommand> read_select_command(const Command& cmd, const Message& m);
std::optional<CopyCommand> read_copy_command(const Command& cmd, const Message& m);
std::optional<AppendCommand> read_append_command(const Command& cmd, const Message& m);
std::optional<StatusCommand> read_status_command(const Command& cmd, const Message& m);
std::optional<SearchCommand> read_search_command(const Command& cmd, const Message& m);

}  // namespace imapscope::analyzer::typed
