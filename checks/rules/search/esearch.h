#pragma once
// The ESEARCH response (RFC 9051 §7.3.4, RFC 4731 §3.1): "esearch-response = "ESEARCH"
// [search-correlator] [SP "UID"] *(SP search-return-data)", search-correlator = SP "(" "TAG"
// SP tag-string ")"; and the RETURN options of the SEARCH command that asked for it. Shared by
// the search.esearch-* rules.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/command.h"
#include "analyzer/response.h"

namespace imapscope::checks::esearch {

struct Esearch {
  std::optional<std::string> tag;  // the search correlator
  bool uid = false;
  std::vector<std::pair<std::string, const analyzer::Arg*>> data;  // upper-case name, value

  const analyzer::Arg* find(std::string_view upper) const {
    for (const auto& [name, value] : data) {
      if (name == upper) return value;
    }
    return nullptr;
  }
};

inline std::optional<Esearch> read(const analyzer::Response& r) {
  if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "ESEARCH") return std::nullopt;
  Esearch e;
  std::size_t i = 0;
  if (i < r.args.size() && r.args[i].kind == analyzer::ArgKind::kList) {
    const auto& c = r.args[i].children;
    if (c.size() == 2 && c[0].is_atom("TAG")) e.tag = std::string(c[1].text);
    ++i;
  }
  if (i < r.args.size() && r.args[i].is_atom("UID")) {
    e.uid = true;
    ++i;
  }
  for (; i + 1 < r.args.size(); i += 2) {
    if (r.args[i].kind != analyzer::ArgKind::kAtom) return std::nullopt;
    e.data.emplace_back(analyzer::to_upper(r.args[i].text), &r.args[i + 1]);
  }
  return e;
}

// The RETURN options of a SEARCH / UID SEARCH, upper case; nullopt without RETURN. An empty
// list means ALL (RFC 4731 §3.1).
inline std::optional<std::vector<std::string>> return_options(const analyzer::Command& cmd) {
  using analyzer::CommandId;
  if (cmd.id != CommandId::kSearch && cmd.id != CommandId::kUidSearch) return std::nullopt;
  if (cmd.args.size() < 2 || !cmd.args[0].is_atom("RETURN") ||
      cmd.args[1].kind != analyzer::ArgKind::kList) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const analyzer::Arg& a : cmd.args[1].children) {
    if (a.kind == analyzer::ArgKind::kAtom) out.push_back(analyzer::to_upper(a.text));
  }
  return out;
}

}  // namespace imapscope::checks::esearch
