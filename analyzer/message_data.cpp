#include "analyzer/message_data.h"

namespace imapscope::analyzer {

std::optional<std::uint64_t> read_number(std::string_view s, std::uint64_t max) {
  if (s.empty() || s.size() > 20) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (n > (max - d) / 10) return std::nullopt;
    n = n * 10 + d;
  }
  return n;
}

std::string_view code_word(std::string_view text, std::size_t index) {
  std::size_t i = 0;
  while (true) {
    while (!text.empty() && text.front() == ' ')
      text.remove_prefix(1);
    if (text.empty()) return {};
    const std::size_t sp = text.find(' ');
    if (i == index) return text.substr(0, sp);
    if (sp == std::string_view::npos) return {};
    text.remove_prefix(sp);
    ++i;
  }
}

std::optional<std::vector<std::string_view>> read_flag_list(std::string_view text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return std::nullopt;
  std::vector<std::string_view> out;
  split_words(text.substr(1, text.size() - 2), out);
  return out;
}

std::vector<std::string_view> list_atoms(const Arg& list) {
  std::vector<std::string_view> out;
  for (const Arg& a : list.children) {
    if (a.kind == ArgKind::kAtom || a.kind == ArgKind::kQuoted) out.push_back(a.text);
  }
  return out;
}

FetchData read_fetch(const Response& r, const Message& m) {
  FetchData d;
  if (r.args.empty() || r.args[0].kind != ArgKind::kList || r.args[0].children.size() % 2 != 0) {
    d.well_formed = false;
    return d;
  }
  const std::vector<Arg>& items = r.args[0].children;
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
    const Arg& name = items[i];
    const Arg& value = items[i + 1];
    if (name.kind != ArgKind::kAtom) {
      d.well_formed = false;
      continue;
    }
    if (name.is_atom("UID")) {
      if (auto n = read_number(value.text)) d.uid = static_cast<std::uint32_t>(*n);
    } else if (name.is_atom("FLAGS") && value.kind == ArgKind::kList) {
      d.flags = list_atoms(value);
    } else if (name.is_atom("MODSEQ") && value.kind == ArgKind::kList &&
               value.children.size() == 1) {
      d.modseq = read_number(value.children[0].text, UINT64_MAX);
    } else if (name.is_atom("RFC822.SIZE")) {
      d.rfc822_size = read_number(value.text, UINT64_MAX);
    } else if (name.is_atom("BODY[]") || name.is_atom("RFC822") || name.is_atom("BINARY[]")) {
      // The whole message; a literal's size is known even when its octets were not kept.
      std::optional<std::uint64_t> size;
      if (value.kind == ArgKind::kLiteral)
        size = m.literals[value.literal].size;
      else if (value.kind == ArgKind::kQuoted)
        size = value.text.size();
      if (name.is_atom("BINARY[]")) {
        // BINARY[] is the decoded content, not comparable with RFC822.SIZE.
      } else {
        d.body_size = size;
      }
    } else if (name.is_atom("BINARY.SIZE[]")) {
      d.binary_size = read_number(value.text, UINT64_MAX);
    } else if (name.is_atom("INTERNALDATE") && value.kind == ArgKind::kQuoted) {
      d.internaldate = value.text;
    }
  }
  return d;
}

}  // namespace imapscope::analyzer
