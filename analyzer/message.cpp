#include "analyzer/message.h"

#include <algorithm>

namespace imapscope::analyzer {

void append_hex_octet(unsigned char octet, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[octet >> 4];
  out += kHex[octet & 15];
}

std::string excerpt(const Message& m, bool redact, std::size_t max) {
  std::string out;
  excerpt(m, redact, out, max);
  return out;
}

void excerpt(const Message& m, bool redact, std::string& out, std::size_t max) {
  out.clear();
  if (m.lines.empty()) return;
  const Line& first = m.lines.front();
  out.reserve(std::min(first.end - first.begin, max) + 3);
  std::size_t i = first.begin;
  // Runs of printable octets are copied whole (an excerpt is made for every command kept in
  // flight); control octets and redactions stop a run.
  while (i < first.end && out.size() < max) {
    if (redact) {
      auto r = std::find_if(m.redactions.begin(), m.redactions.end(),
                            [&](const Redaction& x) { return x.first == i; });
      if (r != m.redactions.end() && r->second > r->first) {
        out += "***";
        i = r->second;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(m.text[i]);
    if (c < 0x20 || c == 0x7f) {
      append_hex_octet(c, out);
      ++i;
      continue;
    }
    std::size_t run_end = std::min(first.end, i + (max - out.size()));
    if (redact) {
      for (const Redaction& x : m.redactions) {
        if (x.first > i && x.first < run_end) run_end = x.first;
      }
    }
    std::size_t j = i + 1;
    while (j < run_end) {
      const auto d = static_cast<unsigned char>(m.text[j]);
      if (d < 0x20 || d == 0x7f) break;
      ++j;
    }
    out.append(m.text, i, j - i);
    i = j;
  }
  if (i < first.end || first.truncated) out += "...";
}

std::size_t excerpt_column(const Message& m, bool redact, std::size_t column) {
  if (!redact || m.lines.empty()) return column;
  const Line& first = m.lines.front();
  std::size_t raw = first.begin + column;
  std::ptrdiff_t shrunk = 0;  // octets the redactions before `raw` took out, less their "***"
  for (const Redaction& r : m.redactions) {
    if (r.second <= r.first || r.first < first.begin || r.first >= first.end) continue;
    if (raw >= r.second) {
      shrunk += static_cast<std::ptrdiff_t>(r.second - r.first) - 3;
    } else if (raw > r.first) {
      raw = r.first;
    }
  }
  return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(raw - first.begin) - shrunk);
}

}  // namespace imapscope::analyzer
