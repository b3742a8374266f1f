#pragma once
// An untagged FETCH response (RFC 9051 §7.5.2): "* n FETCH (" msg-att ")", each item read to
// its type — numbers, flags, strings (literals referenced, not copied), ENVELOPE and
// BODY/BODYSTRUCTURE. Items the typed layer does not know (vendor or future extensions) keep
// their generic value.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/response.h"
#include "analyzer/typed/body_structure.h"
#include "analyzer/typed/envelope.h"
#include "analyzer/typed/fetch_att.h"
#include "analyzer/typed/value.h"

namespace imapscope::analyzer::typed {

struct MsgAtt {
  FetchAttribute att;
  Value value;  // always set: the item's argument as parsed

  // The typed value, by item:
  std::optional<std::uint64_t> number;  // UID, RFC822.SIZE, BINARY.SIZE, MODSEQ (n), X-GM-MSGID..
  std::optional<std::vector<std::string_view>> flags;  // FLAGS, X-GM-LABELS
  std::optional<ImapString> string;   // BODY[..], BINARY[..], RFC822*, INTERNALDATE, EMAILID..
  std::optional<Envelope> envelope;   // ENVELOPE
  std::optional<BodyStructure> body;  // BODY, BODYSTRUCTURE

  friend bool operator==(const MsgAtt&, const MsgAtt&) = default;
};

struct FetchResponse {
  std::uint32_t number = 0;  // the message sequence number
  std::vector<MsgAtt> items;

  // The first item named `upper` (ignoring case, without section), or nullptr.
  const MsgAtt* find(std::string_view upper) const;
  friend bool operator==(const FetchResponse&, const FetchResponse&) = default;
};

// Reads an untagged FETCH response; nullopt when `r` is not one or an item's value does not
// have its item's type (the strict grammar names the error).
std::optional<FetchResponse> read_fetch_response(const Response& r, const Message& m);

}  // namespace imapscope::analyzer::typed
