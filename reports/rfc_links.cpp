#include "reports/rfc_links.h"

namespace imapscope::reports {
namespace {

constexpr std::string_view kSection = "\xC2\xA7";  // "§" in UTF-8
constexpr std::string_view kBase = "https://www.rfc-editor.org/rfc/rfc";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n]))
    ++n;
  return n;
}

}  // namespace

std::string rfc_section_url(std::string_view rfc_number, std::string_view section) {
  std::string url(kBase);
  url += rfc_number;
  if (!section.empty()) {
    url += "#section-";
    url += section;
  }
  return url;
}

std::vector<CitationPart> cite_rfc_sections(std::string_view s) {
  std::vector<CitationPart> parts;
  std::string rfc;
  std::string text;
  for (std::size_t i = 0; i < s.size();) {
    // "RFC 9051", "RFC9051" or a bare number of three or more digits: the RFC cited next.
    if (s.substr(i, 3) == "RFC") {
      std::size_t j = i + 3;
      while (j < s.size() && s[j] == ' ')
        ++j;
      if (const std::size_t n = digits_at(s, j); n > 0) {
        rfc = std::string(s.substr(j, n));
        text.append(s.substr(i, j + n - i));
        i = j + n;
        continue;
      }
    }
    if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]))) {
      const std::size_t n = digits_at(s, i);
      std::size_t j = i + n;
      while (j < s.size() && s[j] == ' ')
        ++j;
      if (n >= 3 && s.substr(j, kSection.size()) == kSection) rfc = std::string(s.substr(i, n));
      text.append(s.substr(i, n));
      i += n;
      continue;
    }
    if (s.substr(i, kSection.size()) == kSection && !rfc.empty()) {
      std::size_t j = i + kSection.size();
      std::size_t end = j;
      while (end < s.size() && (is_digit(s[end]) || s[end] == '.'))
        ++end;
      while (end > j && s[end - 1] == '.')
        --end;
      if (end > j) {
        if (!text.empty()) parts.push_back({std::move(text), {}});
        text.clear();
        parts.push_back(
            {std::string(s.substr(i, end - i)), rfc_section_url(rfc, s.substr(j, end - j))});
        i = end;
        continue;
      }
    }
    text += s[i];
    ++i;
  }
  if (!text.empty()) parts.push_back({std::move(text), {}});
  return parts;
}

std::string first_rfc_url(std::string_view citation) {
  for (const CitationPart& p : cite_rfc_sections(citation)) {
    if (!p.url.empty()) return p.url;
  }
  const std::size_t at = citation.find("RFC");
  if (at == std::string_view::npos) return {};
  std::size_t j = at + 3;
  while (j < citation.size() && citation[j] == ' ')
    ++j;
  const std::size_t n = digits_at(citation, j);
  return n == 0 ? std::string{} : rfc_section_url(citation.substr(j, n), {});
}

}  // namespace imapscope::reports
