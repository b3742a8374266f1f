#include "analyzer/typed/fetch_att.h"

#include "analyzer/message_data.h"
#include "analyzer/syntax.h"

namespace imapscope::analyzer::typed {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// section-part = nz-number *("." nz-number), then "." section-text or the end.
bool read_part(std::string_view& spec, std::vector<std::uint32_t>& part) {
  while (!spec.empty() && is_digit(spec.front())) {
    std::size_t n = 0;
    while (n < spec.size() && is_digit(spec[n]))
      ++n;
    const auto value = read_number(spec.substr(0, n));
    if (!value || *value == 0) return false;
    part.push_back(static_cast<std::uint32_t>(*value));
    spec.remove_prefix(n);
    if (spec.empty()) return true;
    if (spec.front() != '.') return false;
    spec.remove_prefix(1);
    if (spec.empty()) return false;
  }
  return true;
}

// header-list = "(" header-fld-name *(SP header-fld-name) ")"; names are astrings.
bool read_header_list(std::string_view list, std::vector<std::string_view>& out) {
  if (list.size() < 2 || list.front() != '(' || list.back() != ')') return false;
  list = list.substr(1, list.size() - 2);
  while (!list.empty()) {
    std::string_view name;
    if (list.front() == '"') {
      std::size_t i = 1;
      while (i < list.size() && list[i] != '"')
        i += list[i] == '\\' ? 2u : 1u;
      if (i >= list.size()) return false;
      name = list.substr(1, i - 1);
      list.remove_prefix(i + 1);
    } else {
      const std::size_t sp = list.find(' ');
      name = list.substr(0, sp);
      list.remove_prefix(sp == std::string_view::npos ? list.size() : sp);
    }
    out.push_back(name);
    if (list.empty()) break;
    if (list.front() != ' ') return false;
    list.remove_prefix(1);
    if (list.empty()) return false;
  }
  return !out.empty();
}

bool read_section(std::string_view spec, Section& s) {
  if (!read_part(spec, s.part)) return false;
  if (spec.empty()) return true;
  const std::size_t sp = spec.find(' ');
  s.text = spec.substr(0, sp);
  if (iequals(s.text, "HEADER.FIELDS") || iequals(s.text, "HEADER.FIELDS.NOT")) {
    return sp != std::string_view::npos && read_header_list(spec.substr(sp + 1), s.header_fields);
  }
  return sp == std::string_view::npos &&
         (iequals(s.text, "HEADER") || iequals(s.text, "TEXT") || iequals(s.text, "MIME"));
}

// "<" number ">" in a response, "<" number "." nz-number ">" in a request.
bool read_partial(std::string_view p, FetchAttribute& att) {
  if (p.size() < 3 || p.front() != '<' || p.back() != '>') return false;
  p = p.substr(1, p.size() - 2);
  const std::size_t dot = p.find('.');
  att.origin = read_number(p.substr(0, dot), UINT64_MAX);
  if (!att.origin) return false;
  if (dot == std::string_view::npos) return true;
  att.count = read_number(p.substr(dot + 1), UINT64_MAX);
  return att.count.has_value();
}

}  // namespace

bool FetchAttribute::is(std::string_view upper) const {
  return iequals(name, upper);
}

std::optional<FetchAttribute> read_fetch_attribute(std::string_view token) {
  FetchAttribute att;
  const std::size_t open = token.find('[');
  att.name = token.substr(0, open);
  if (att.name.empty()) return std::nullopt;
  for (char c : att.name) {
    if (!is_atom_char(c)) return std::nullopt;
  }
  if (open == std::string_view::npos) return att;
  const std::size_t close = token.rfind(']');
  if (close == std::string_view::npos || close < open) return std::nullopt;
  Section s;
  if (!read_section(token.substr(open + 1, close - open - 1), s)) return std::nullopt;
  att.section = std::move(s);
  const std::string_view rest = token.substr(close + 1);
  if (!rest.empty() && !read_partial(rest, att)) return std::nullopt;
  return att;
}

}  // namespace imapscope::analyzer::typed
