#pragma once
// The probe's target: imap://user@host[:port] or imaps://user@host[:port] (RFC 5092 §2 for the
// imap scheme; imaps is implicit TLS, RFC 8314 §3.3). A password in the URL is refused: it
// would show in process lists and shell history.

#include <cstdint>
#include <string>

namespace imapscope::probe {

struct Target {
  bool implicit_tls = false;  // imaps://
  std::string user;           // percent-decoded
  std::string host;           // without brackets for IPv6
  std::uint16_t port = 143;

  // The URL again, for reports (never holds a password).
  std::string url() const;
};

// Parses `url`; on error returns false with a one-line `error`.
bool parse_target(const std::string& url, Target& target, std::string& error);

}  // namespace imapscope::probe
