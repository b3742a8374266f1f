#include "analyzer/typed/fetch_response.h"

#include "analyzer/message_data.h"

namespace imapscope::analyzer::typed {
namespace {

bool is_any(const FetchAttribute& a, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (a.is(n)) return true;
  }
  return false;
}

bool read_item(MsgAtt& item, const Arg& v, const Message& m) {
  const FetchAttribute& a = item.att;
  if (is_any(a, {"UID", "RFC822.SIZE", "BINARY.SIZE", "X-GM-MSGID", "X-GM-THRID"})) {
    item.number = v.kind == ArgKind::kAtom ? read_number(v.text, UINT64_MAX) : std::nullopt;
    return item.number.has_value();
  }
  if (a.is("MODSEQ")) {  // RFC 7162 §3.1.4.1: MODSEQ (mod-sequence-value)
    if (v.kind != ArgKind::kList || v.children.size() != 1) return false;
    item.number = read_number(v.children[0].text, UINT64_MAX);
    return item.number.has_value();
  }
  if (a.is("FLAGS") || a.is("X-GM-LABELS")) {
    if (v.kind != ArgKind::kList) return false;
    item.flags = list_atoms(v);
    return true;
  }
  if (a.is("ENVELOPE")) {
    item.envelope = read_envelope(v, m);
    return item.envelope.has_value();
  }
  if ((a.is("BODY") && !a.section) || a.is("BODYSTRUCTURE")) {
    item.body = read_body_structure(v, m);
    return item.body.has_value();
  }
  if (a.is("EMAILID") || a.is("THREADID")) {
    // RFC 8474 §5.1, §5.2: "(" objectid ")", or NIL for THREADID.
    const Arg& id = v.kind == ArgKind::kList && v.children.size() == 1 ? v.children[0] : v;
    ImapString s;
    if (v.kind == ArgKind::kList ? id.kind != ArgKind::kAtom : !v.is_atom("NIL")) return false;
    if (!read_string(id, m, s)) return false;
    item.string = s;
    return true;
  }
  if (a.section || is_any(a, {"RFC822", "RFC822.HEADER", "RFC822.TEXT", "INTERNALDATE", "SAVEDATE",
                              "PREVIEW"})) {
    ImapString s;
    if (!read_string(v, m, s)) return false;
    item.string = s;
    return true;
  }
  return true;  // not typed here: the generic value stands
}

}  // namespace

const MsgAtt* FetchResponse::find(std::string_view upper) const {
  for (const MsgAtt& item : items) {
    if (item.att.is(upper)) return &item;
  }
  return nullptr;
}

std::optional<FetchResponse> read_fetch_response(const Response& r, const Message& m) {
  if (r.kind != ResponseKind::kUntaggedNumber || r.name != "FETCH" || r.args.size() != 1 ||
      r.args[0].kind != ArgKind::kList || r.args[0].children.size() % 2 != 0) {
    return std::nullopt;
  }
  FetchResponse f;
  f.number = r.number;
  const std::vector<Arg>& list = r.args[0].children;
  f.items.reserve(list.size() / 2);
  for (std::size_t i = 0; i < list.size(); i += 2) {
    if (list[i].kind != ArgKind::kAtom) return std::nullopt;
    auto att = read_fetch_attribute(list[i].text);
    if (!att) return std::nullopt;
    MsgAtt item;
    item.att = std::move(*att);
    item.value = Value{&list[i + 1], &m};
    if (!read_item(item, list[i + 1], m)) return std::nullopt;
    f.items.push_back(std::move(item));
  }
  return f;
}

}  // namespace imapscope::analyzer::typed
