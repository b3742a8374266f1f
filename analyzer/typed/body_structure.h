#pragma once
// BODY / BODYSTRUCTURE (RFC 9051 §7.5.2, §9 "body"): the MIME structure of a message, one
// node per part, with the extension data BODYSTRUCTURE adds (body-ext-1part, body-ext-mpart).

#include <cstdint>
#include <optional>
#include <vector>

#include "analyzer/typed/envelope.h"
#include "analyzer/typed/value.h"

namespace imapscope::analyzer::typed {

// body-fld-param: attribute/value string pairs; empty for NIL.
struct BodyParameter {
  ImapString attribute, value;
  friend bool operator==(const BodyParameter&, const BodyParameter&) = default;
};

// body-fld-dsp = "(" string SP body-fld-param ")" / nil
struct BodyDisposition {
  ImapString type;
  std::vector<BodyParameter> parameters;
  friend bool operator==(const BodyDisposition&, const BodyDisposition&) = default;
};

struct BodyStructure {
  // body-type-mpart: the parts, then the subtype; `type` is empty (no form) for a multipart.
  bool multipart = false;
  std::vector<BodyStructure> parts;  // a multipart's parts, or a message/rfc822's one body
  ImapString type, subtype;          // media-type, media-subtype as sent (case kept)

  // body-fields, a single part only.
  std::vector<BodyParameter> parameters;  // body-fld-param (a multipart's is extension data)
  ImapString id, description, encoding;
  std::uint64_t octets = 0;            // body-fld-octets
  std::optional<std::uint64_t> lines;  // body-fld-lines: text/* and message/rfc822
  std::optional<Envelope> envelope;    // message/rfc822 (and message/global, RFC 6532)

  // Extension data, present in BODYSTRUCTURE (RFC 9051 §7.5.2): how many of the optional
  // fields were sent, so "NIL" and "absent" stay apart; a multipart counts body-fld-param as
  // its first.
  std::size_t extension_fields = 0;
  ImapString md5;  // body-fld-md5, single part only
  std::optional<BodyDisposition> disposition;
  std::vector<ImapString> language;  // body-fld-lang: one nstring, or a list of strings
  bool language_list = false;        // sent as a parenthesized list
  ImapString location;               // body-fld-loc
  std::vector<Value> extensions;     // body-extension: future fields, kept generic

  bool is_text() const;
  bool is_message() const;  // message/rfc822 or message/global
  friend bool operator==(const BodyStructure&, const BodyStructure&) = default;
};

// Reads a body list; nullopt when `a` is not one (the strict grammar says why). Nesting is
// bounded by the argument tree's own depth limit.
std::optional<BodyStructure> read_body_structure(const Arg& a, const Message& m);

}  // namespace imapscope::analyzer::typed
