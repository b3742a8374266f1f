#pragma once
// FETCH items (RFC 9051 §6.4.5 fetch-att, §7.5.2 msg-att): the name of an item with its
// section and partial, as a FETCH command asks for it and as a FETCH response answers it.
// "BODY.PEEK[1.2.HEADER.FIELDS (From To)]<0.512>" reads as name "BODY.PEEK", section
// part {1, 2} text "HEADER.FIELDS" fields {"From", "To"}, origin 0, count 512.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace imapscope::analyzer::typed {

// section = "[" [section-spec] "]"; section-binary = "[" [section-part] "]"
struct Section {
  std::vector<std::uint32_t> part;  // section-part, "1.2" → {1, 2}
  std::string_view text;            // HEADER, HEADER.FIELDS[.NOT], TEXT, MIME; empty if none
  std::vector<std::string_view> header_fields;  // header-list, quotes removed

  friend bool operator==(const Section&, const Section&) = default;
};

struct FetchAttribute {
  std::string_view name;  // as sent: BODY, BODY.PEEK, BINARY, BINARY.SIZE, UID, ENVELOPE...
  std::optional<Section> section;
  std::optional<std::uint64_t> origin;  // <origin> of a response, <origin.count> of a request
  std::optional<std::uint64_t> count;   // the request's octet count

  bool is(std::string_view upper) const;  // name equal to `upper`, ignoring case
  friend bool operator==(const FetchAttribute&, const FetchAttribute&) = default;
};

// Reads one item token as the generic parse keeps it (brackets and partial included);
// nullopt when it is not a well-formed item name.
std::optional<FetchAttribute> read_fetch_attribute(std::string_view token);

}  // namespace imapscope::analyzer::typed
