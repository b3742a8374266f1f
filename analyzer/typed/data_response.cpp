#include "analyzer/typed/data_response.h"

#include "analyzer/message_data.h"

namespace imapscope::analyzer::typed {
namespace {

bool is_data(const Response& r, std::string_view name) {
  return r.kind == ResponseKind::kUntaggedData && r.name == name;
}

}  // namespace

const StatusResponse::Item* StatusResponse::find(std::string_view upper) const {
  for (const Item& item : items) {
    if (iequals(item.name, upper)) return &item;
  }
  return nullptr;
}

std::optional<ListResponse> read_list_response(const Response& r, const Message& m) {
  if (!is_data(r, "LIST") && !is_data(r, "LSUB")) return std::nullopt;
  if (r.args.size() < 3 || r.args.size() > 4 || r.args[0].kind != ArgKind::kList) {
    return std::nullopt;
  }
  ListResponse l;
  l.lsub = r.name == "LSUB";
  l.attributes = list_atoms(r.args[0]);
  if (!read_string(r.args[1], m, l.delimiter) || !read_string(r.args[2], m, l.mailbox, false)) {
    return std::nullopt;
  }
  if (!l.delimiter.nil() && l.delimiter.form != ImapString::Form::kQuoted) return std::nullopt;
  if (r.args.size() == 4) {
    // mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val (RFC 5258 §9)
    const Arg& ext = r.args[3];
    if (ext.kind != ArgKind::kList || ext.children.size() % 2 != 0) return std::nullopt;
    for (std::size_t i = 0; i < ext.children.size(); i += 2) {
      ListResponse::Extended e;
      if (!read_string(ext.children[i], m, e.tag, false)) return std::nullopt;
      e.value = Value{&ext.children[i + 1], &m};
      l.extended.push_back(e);
    }
  }
  return l;
}

std::optional<StatusResponse> read_status_response(const Response& r, const Message& m) {
  if (!is_data(r, "STATUS") || r.args.size() != 2 || r.args[1].kind != ArgKind::kList ||
      r.args[1].children.size() % 2 != 0) {
    return std::nullopt;
  }
  StatusResponse s;
  if (!read_string(r.args[0], m, s.mailbox, false)) return std::nullopt;
  const std::vector<Arg>& list = r.args[1].children;
  for (std::size_t i = 0; i < list.size(); i += 2) {
    const auto n = read_number(list[i + 1].text, UINT64_MAX);
    if (list[i].kind != ArgKind::kAtom || !n) return std::nullopt;
    s.items.push_back({list[i].text, *n});
  }
  return s;
}

std::optional<SearchResponse> read_search_response(const Response& r) {
  if (!is_data(r, "SEARCH")) return std::nullopt;
  SearchResponse s;
  for (std::size_t i = 0; i < r.args.size(); ++i) {
    const Arg& a = r.args[i];
    if (a.kind == ArgKind::kList) {  // RFC 7162 §3.1.5: (MODSEQ n), last
      if (i + 1 != r.args.size() || a.children.size() != 2 || !a.children[0].is_atom("MODSEQ")) {
        return std::nullopt;
      }
      s.modseq = read_number(a.children[1].text, UINT64_MAX);
      if (!s.modseq) return std::nullopt;
      continue;
    }
    const auto n = read_number(a.text);
    if (!n || *n == 0) return std::nullopt;
    s.numbers.push_back(static_cast<std::uint32_t>(*n));
  }
  return s;
}

std::optional<EsearchResponse> read_esearch_response(const Response& r, const Message& m) {
  if (!is_data(r, "ESEARCH")) return std::nullopt;
  EsearchResponse e;
  std::size_t i = 0;
  if (i < r.args.size() && r.args[i].kind == ArgKind::kList) {
    // search-correlator = SP "(" "TAG" SP tag-string ")"
    const Arg& c = r.args[i++];
    ImapString tag;
    if (c.children.size() != 2 || !c.children[0].is_atom("TAG") ||
        !read_string(c.children[1], m, tag, false)) {
      return std::nullopt;
    }
    e.tag = tag;
  }
  if (i < r.args.size() && r.args[i].is_atom("UID")) {
    e.uid = true;
    ++i;
  }
  for (; i + 1 < r.args.size(); i += 2) {
    const Arg& name = r.args[i];
    const std::string_view value = r.args[i + 1].text;
    if (name.is_atom("MIN") || name.is_atom("MAX")) {
      const auto n = read_number(value);
      if (!n || *n == 0) return std::nullopt;
      (name.is_atom("MIN") ? e.min : e.max) = static_cast<std::uint32_t>(*n);
    } else if (name.is_atom("COUNT") || name.is_atom("MODSEQ")) {
      const auto n = read_number(value, UINT64_MAX);
      if (!n) return std::nullopt;
      (name.is_atom("COUNT") ? e.count : e.modseq) = *n;
    } else if (name.is_atom("ALL")) {
      e.all = SequenceSet::parse(value);
      if (!e.all) return std::nullopt;
    }
    // Other search-return-data (RFC 4466 §2.6.2 search-ret-data-ext) is not typed here.
  }
  if (i != r.args.size()) return std::nullopt;
  return e;
}

std::optional<VanishedResponse> read_vanished_response(const Response& r) {
  if (!is_data(r, "VANISHED") || r.args.empty() || r.args.size() > 2) return std::nullopt;
  VanishedResponse v;
  if (r.args.size() == 2) {
    const Arg& e = r.args[0];
    if (e.kind != ArgKind::kList || e.children.size() != 1 || !e.children[0].is_atom("EARLIER")) {
      return std::nullopt;
    }
    v.earlier = true;
  }
  auto uids = SequenceSet::parse(r.args.back().text);
  if (!uids || uids->uses_star()) return std::nullopt;
  v.uids = std::move(*uids);
  return v;
}

std::optional<std::vector<std::string_view>> read_flags_response(const Response& r) {
  if (!is_data(r, "FLAGS") || r.args.size() != 1 || r.args[0].kind != ArgKind::kList) {
    return std::nullopt;
  }
  return list_atoms(r.args[0]);
}

std::optional<std::vector<std::string_view>> read_enabled_response(const Response& r) {
  if (!is_data(r, "ENABLED")) return std::nullopt;
  std::vector<std::string_view> out;
  for (const Arg& a : r.args) {
    if (a.kind != ArgKind::kAtom) return std::nullopt;
    out.push_back(a.text);
  }
  return out;
}

}  // namespace imapscope::analyzer::typed
