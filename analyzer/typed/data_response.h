#pragma once
// Typed views of the untagged data responses the model and the rules read (RFC 9051 §7.2-7.4
// and the extensions'): LIST/LSUB, STATUS, SEARCH, ESEARCH, VANISHED, FLAGS and ENABLED.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/response.h"
#include "analyzer/sequence_set.h"
#include "analyzer/typed/value.h"

namespace imapscope::analyzer::typed {

// "LIST" / "LSUB" SP mailbox-list: "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE /
// nil) SP mailbox [SP "(" mbox-list-extended ")"]  (RFC 9051 §7.3.1; RFC 5258 §9)
struct ListResponse {
  struct Extended {
    ImapString tag;  // CHILDINFO, OLDNAME, ...
    Value value;
    friend bool operator==(const Extended&, const Extended&) = default;
  };
  bool lsub = false;
  std::vector<std::string_view> attributes;  // \Noselect, \HasChildren, \Sent, ...
  ImapString delimiter;                      // NIL form for a flat namespace
  ImapString mailbox;
  std::vector<Extended> extended;
  friend bool operator==(const ListResponse&, const ListResponse&) = default;
};

// "STATUS" SP mailbox SP "(" [status-att-list] ")"  (RFC 9051 §7.3.2)
struct StatusResponse {
  struct Item {
    std::string_view name;  // MESSAGES, UIDNEXT, HIGHESTMODSEQ, SIZE, ...
    std::uint64_t value = 0;
    friend bool operator==(const Item&, const Item&) = default;
  };
  ImapString mailbox;
  std::vector<Item> items;
  const Item* find(std::string_view upper) const;
  friend bool operator==(const StatusResponse&, const StatusResponse&) = default;
};

// "SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]  (RFC 3501 §7.2.5,
// RFC 7162 §3.1.5)
struct SearchResponse {
  std::vector<std::uint32_t> numbers;
  std::optional<std::uint64_t> modseq;
  friend bool operator==(const SearchResponse&, const SearchResponse&) = default;
};

// "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)  (RFC 9051 §7.3.4,
// RFC 4731 §3.1)
struct EsearchResponse {
  std::optional<ImapString> tag;  // (TAG "a1")
  bool uid = false;
  std::optional<std::uint32_t> min, max;
  std::optional<std::uint64_t> count, modseq;
  std::optional<SequenceSet> all;
  friend bool operator==(const EsearchResponse&, const EsearchResponse&) = default;
};

// "VANISHED" [SP "(EARLIER)"] SP known-uids  (RFC 7162 §3.2.10)
struct VanishedResponse {
  bool earlier = false;
  SequenceSet uids;
  friend bool operator==(const VanishedResponse&, const VanishedResponse&) = default;
};

std::optional<ListResponse> read_list_response(const Response& r, const Message& m);
std::optional<StatusResponse> read_status_response(const Response& r, const Message& m);
std::optional<SearchResponse> read_search_response(const Response& r);
std::optional<EsearchResponse> read_esearch_response(const Response& r, const Message& m);
std::optional<VanishedResponse> read_vanished_response(const Response& r);
// FLAGS SP flag-list (§7.3.5) and ENABLED *(SP capability) (RFC 5161 §3.2).
std::optional<std::vector<std::string_view>> read_flags_response(const Response& r);
std::optional<std::vector<std::string_view>> read_enabled_response(const Response& r);

}  // namespace imapscope::analyzer::typed
