#pragma once
// Typed views of the server data the mailbox model and the rules read: the items of a FETCH
// response (RFC 9051 §7.5.2) and the arguments of response codes (§7.1). They are read from
// the generic argument tree and point into the Message they came from.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/response.h"
#include "analyzer/sequence_set.h"

namespace imapscope::analyzer {

struct FetchData {
  std::optional<std::uint32_t> uid;
  std::optional<std::vector<std::string_view>> flags;
  std::optional<std::uint64_t> modseq;       // RFC 7162 §3.1.4.1  MODSEQ (n)
  std::optional<std::uint64_t> rfc822_size;  // RFC 9051 §2.3.4
  std::optional<std::uint64_t> body_size;    // octets of BODY[] / RFC822 (the whole message)
  std::optional<std::uint64_t> binary_size;  // BINARY.SIZE[] (RFC 3516)
  std::optional<std::string_view> internaldate;
  bool well_formed = true;  // false when the item list could not be read as name/value pairs
};

// Reads the msg-att list of an untagged FETCH response.
FetchData read_fetch(const Response& r, const Message& m);

// A number (RFC 9051 §9 number / number64), or nullopt.
std::optional<std::uint64_t> read_number(std::string_view s, std::uint64_t max = 4294967295u);

// The first whitespace-separated word of a response code's text.
std::string_view code_word(std::string_view text, std::size_t index);

// "(\Seen \Deleted)" → {"\Seen", "\Deleted"}; nullopt when not a parenthesized list.
std::optional<std::vector<std::string_view>> read_flag_list(std::string_view text);

// A list argument's atoms, e.g. FLAGS (\Seen \Answered).
std::vector<std::string_view> list_atoms(const Arg& list);

}  // namespace imapscope::analyzer
