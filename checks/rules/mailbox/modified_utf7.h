#pragma once
// Modified UTF-7 (RFC 9051 Appendix A, RFC 3501 §5.1.3): "printable US-ASCII characters,
// except for "&", represent themselves ... "&" is used to shift to modified BASE64 and "-" to
// shift back to US-ASCII ... "&" itself is represented by "&-"", and modified BASE64 uses ","
// instead of "/". The octets of a shifted run encode UTF-16 units, so its length in characters
// is 0, 3 or 6 modulo 8. Shared by mailbox.server-name-not-mutf7 and
// mailbox.client-create-not-mutf7.

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace imapscope::checks::modified_utf7 {

inline bool is_modified_base64(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == ',';
}

// What is wrong with `name` as modified UTF-7, or nullopt. `check_8bit` also judges octets
// outside printable US-ASCII.
inline std::optional<std::string> problem(std::string_view name, bool check_8bit) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto u = static_cast<unsigned char>(name[i]);
    if (u < 0x20 || u > 0x7e) {
      if (!check_8bit) continue;
      return "octet 0x" + std::string(1, "0123456789abcdef"[u >> 4]) +
             std::string(1, "0123456789abcdef"[u & 15]) + " at " + std::to_string(i) +
             " is not printable US-ASCII";
    }
    if (name[i] != '&') continue;
    std::size_t j = i + 1;
    while (j < name.size() && is_modified_base64(name[j]))
      ++j;
    if (j >= name.size() || name[j] != '-') {
      return "the \"&\" at " + std::to_string(i) + " starts a shift that no \"-\" ends";
    }
    const std::size_t n = j - i - 1;
    if (n % 8 != 0 && n % 8 != 3 && n % 8 != 6) {
      return "the shifted run at " + std::to_string(i) + " does not encode whole UTF-16 units";
    }
    i = j;
  }
  return std::nullopt;
}

}  // namespace imapscope::checks::modified_utf7
