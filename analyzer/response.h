#pragma once
// A server response as the replay and the rules see it (RFC 9051 §7, §9 "response").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/syntax.h"

namespace imapscope::analyzer {

enum class ResponseKind : unsigned char {
  kContinuation,    // "+" continue-req
  kTagged,          // tag SP resp-cond-state
  kUntaggedStatus,  // "*" SP (OK / NO / BAD / PREAUTH / BYE) SP resp-text
  kUntaggedNumber,  // "*" SP number SP (EXISTS / EXPUNGE / FETCH / RECENT / ...)
  kUntaggedData,    // "*" SP name [SP ...]: CAPABILITY, FLAGS, LIST, SEARCH, ...
};

enum class Status : unsigned char { kNone, kOk, kNo, kBad, kPreauth, kBye };

std::string_view status_name(Status s);

struct ResponseCode {
  std::string_view name;  // as sent; compare with iequals
  std::string_view text;  // everything after the name up to ']' (may be empty)
};

struct Response {
  ResponseKind kind = ResponseKind::kUntaggedData;
  std::string_view tag;  // kTagged
  Status status = Status::kNone;
  std::optional<ResponseCode> code;
  std::string_view text;     // resp-text's text, or a continuation's text
  std::string name;          // upper case data name for kUntaggedNumber / kUntaggedData
  std::uint32_t number = 0;  // kUntaggedNumber
  std::vector<std::string_view> capabilities;  // CAPABILITY data, or the CAPABILITY code's list
  std::vector<Arg> args;  // the rest of kUntaggedNumber / kUntaggedData responses

  // Every field back to its default, the lists keeping their storage: the session parses
  // each response into the same Response.
  void clear() {
    kind = ResponseKind::kUntaggedData;
    tag = {};
    status = Status::kNone;
    code.reset();
    text = {};
    name.clear();
    number = 0;
    capabilities.clear();
    args.clear();
  }

  bool is_untagged() const {
    return kind == ResponseKind::kUntaggedStatus || kind == ResponseKind::kUntaggedNumber ||
           kind == ResponseKind::kUntaggedData;
  }
  // True when the capability list (data or code) holds `name`, compared ignoring case.
  bool lists_capability(std::string_view cap) const;
};

bool parse_response(const Message& m, Response& r, SyntaxError& err);

}  // namespace imapscope::analyzer
