#include "probe/url.h"

#include <cctype>

namespace imapscope::probe {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 §2.1 percent-encoding, as RFC 5092 §3.2 uses it in the user name ("enc-user").
bool percent_decode(std::string_view in, std::string& out) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = hex_value(in[i + 1]);
    const int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

std::string percent_encode_user(std::string_view user) {
  std::string out;
  for (char c : user) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+') {
      out += c;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

std::string Target::url() const {
  const std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return std::string(implicit_tls ? "imaps://" : "imap://") + percent_encode_user(user) + "@" + h +
         ":" + std::to_string(port);
}

bool parse_target(const std::string& url, Target& target, std::string& error) {
  std::string_view rest = url;
  if (rest.starts_with("imap://")) {
    rest.remove_prefix(7);
    target.implicit_tls = false;
    target.port = 143;
  } else if (rest.starts_with("imaps://")) {
    rest.remove_prefix(8);
    target.implicit_tls = true;
    target.port = 993;
  } else {
    error = url + ": expected imap://user@host[:port] or imaps://user@host[:port]";
    return false;
  }
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    if (slash + 1 != rest.size()) {
      error = url + ": a mailbox or path in the URL is not supported (the probe makes its own)";
      return false;
    }
    rest = rest.substr(0, slash);
  }
  const auto at = rest.rfind('@');
  if (at == std::string_view::npos || at == 0) {
    error = url + ": the URL needs a user name (imap://user@host)";
    return false;
  }
  std::string_view userinfo = rest.substr(0, at);
  if (userinfo.find(':') != std::string_view::npos) {
    error = url + ": a password in the URL is refused; use --password-file or IMAPSCOPE_PASSWORD";
    return false;
  }
  if (const auto semi = userinfo.find(';'); semi != std::string_view::npos)
    userinfo = userinfo.substr(0, semi);  // RFC 5092 ";AUTH=..." is decided by --auth
  target.user.clear();
  if (!percent_decode(userinfo, target.user) || target.user.empty()) {
    error = url + ": bad percent-encoding in the user name";
    return false;
  }
  std::string_view hostport = rest.substr(at + 1);
  std::string_view port;
  if (hostport.starts_with("[")) {
    const auto close = hostport.find(']');
    if (close == std::string_view::npos) {
      error = url + ": unterminated IPv6 address";
      return false;
    }
    target.host = std::string(hostport.substr(1, close - 1));
    std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') {
        error = url + ": expected ':port' after the IPv6 address";
        return false;
      }
      port = after.substr(1);
    }
  } else {
    const auto colon = hostport.rfind(':');
    target.host = std::string(hostport.substr(0, colon));
    if (colon != std::string_view::npos) port = hostport.substr(colon + 1);
  }
  if (target.host.empty()) {
    error = url + ": the URL needs a host";
    return false;
  }
  if (!port.empty()) {
    unsigned value = 0;
    for (char c : port) {
      if (c < '0' || c > '9' || value > 65535) {
        error = url + ": bad port '" + std::string(port) + "'";
        return false;
      }
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > 65535) {
      error = url + ": bad port '" + std::string(port) + "'";
      return false;
    }
    target.port = static_cast<std::uint16_t>(value);
  }
  return true;
}

}  // namespace imapscope::probe
