#pragma once
// ENVELOPE (RFC 9051 §7.5.2, §9 "envelope"): the parsed header of a message, as a FETCH
// response carries it and as BODYSTRUCTURE nests it for a message/rfc822 part.

#include <optional>
#include <vector>

#include "analyzer/typed/value.h"

namespace imapscope::analyzer::typed {

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")". A NIL host marks the
// start (mailbox = group name) or the end (mailbox NIL) of an RFC 5322 group (§7.5.2).
struct Address {
  ImapString name, adl, mailbox, host;

  bool group_start() const { return host.nil() && !mailbox.nil(); }
  bool group_end() const { return host.nil() && mailbox.nil(); }
  friend bool operator==(const Address&, const Address&) = default;
};

struct Envelope {
  ImapString date, subject;
  // env-from ... env-bcc: "(" 1*address ")" / nil — empty when NIL (the grammar has no
  // empty list, so nothing is lost).
  std::vector<Address> from, sender, reply_to, to, cc, bcc;
  ImapString in_reply_to, message_id;

  friend bool operator==(const Envelope&, const Envelope&) = default;
};

// Reads an envelope list; nullopt when `a` is not one (the strict grammar says why).
std::optional<Envelope> read_envelope(const Arg& a, const Message& m);

}  // namespace imapscope::analyzer::typed
