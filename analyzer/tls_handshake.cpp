#include "analyzer/tls_handshake.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace imapscope::analyzer {
namespace {

// TLSPlaintext (RFC 8446 §5.1): type(1) legacy_record_version(2) length(2) fragment. A
// fragment may be up to 2^14 bytes, 2^14 + 2048 in TLS 1.2's compressed/ciphered records.
constexpr std::size_t kRecordHeader = 5;
constexpr std::size_t kMaxFragment = (1u << 14) + 2048;
constexpr std::uint8_t kContentHandshake = 22;
// A hello spread over more than this is not one a real client or server sends.
constexpr std::size_t kMaxHello = 1u << 16;

constexpr std::uint8_t kClientHello = 1;  // HandshakeType (RFC 8446 §4)
constexpr std::uint8_t kServerHello = 2;
constexpr std::uint16_t kExtServerName = 0;          // RFC 6066 §3
constexpr std::uint16_t kExtSupportedVersions = 43;  // RFC 8446 §4.2.1

// A bounds-checked reader over a handshake message: every read past the end fails and makes
// the reader fail for good, so a garbled hello is simply not understood.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  bool empty() const { return bytes_.empty(); }
  std::uint32_t number(std::size_t width) {
    if (!ok_ || bytes_.size() < width) return fail();
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < width; ++i)
      v = v << 8 | static_cast<unsigned char>(bytes_[i]);
    bytes_.remove_prefix(width);
    return v;
  }
  std::string_view take(std::size_t n) {
    if (!ok_ || bytes_.size() < n) {
      fail();
      return {};
    }
    std::string_view out = bytes_.substr(0, n);
    bytes_.remove_prefix(n);
    return out;
  }
  // An opaque vector with a `width`-byte length prefix (RFC 8446 §3.4).
  std::string_view vector(std::size_t width) { return take(number(width)); }

 private:
  std::uint32_t fail() {
    ok_ = false;
    bytes_ = {};
    return 0;
  }
  std::string_view bytes_;
  bool ok_ = true;
};

// GREASE values (RFC 8701 §2) are sent to keep peers tolerant; they are no real version.
bool is_grease(std::uint16_t v) {
  return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

// ServerNameList (RFC 6066 §3): the first host_name entry.
std::string read_server_name(std::string_view data) {
  Cursor list(data);
  Cursor names(list.vector(2));
  while (names.ok() && !names.empty()) {
    const std::uint32_t type = names.number(1);
    const std::string_view name = names.vector(2);
    if (names.ok() && type == 0) return std::string(name);  // host_name
  }
  return {};
}

// Extension extensions<0..2^16-1> (RFC 8446 §4.2); calls f(type, data) for each.
template <typename F>
bool read_extensions(Cursor& c, F&& f) {
  if (c.empty()) return true;  // TLS 1.2 and earlier hellos may end without extensions
  Cursor list(c.vector(2));
  while (list.ok() && !list.empty()) {
    const auto type = static_cast<std::uint16_t>(list.number(2));
    const std::string_view data = list.vector(2);
    if (list.ok()) f(type, data);
  }
  return c.ok() && list.ok();
}

// ClientHello (RFC 8446 §4.1.2): legacy_version, random, legacy_session_id, cipher_suites,
// legacy_compression_methods, extensions.
void read_client_hello(std::string_view body, TlsDetails& details) {
  Cursor c(body);
  const auto legacy_version = static_cast<std::uint16_t>(c.number(2));
  c.take(32);
  c.vector(1);
  c.vector(2);
  c.vector(1);
  if (!c.ok()) return;
  std::vector<std::uint16_t> offered;
  std::string name;
  read_extensions(c, [&](std::uint16_t type, std::string_view data) {
    if (type == kExtServerName) {
      name = read_server_name(data);
    } else if (type == kExtSupportedVersions) {
      // ProtocolVersion versions<2..254> (RFC 8446 §4.2.1)
      Cursor list(data);
      Cursor versions(list.vector(1));
      while (versions.ok() && !versions.empty()) {
        const auto v = static_cast<std::uint16_t>(versions.number(2));
        if (versions.ok() && !is_grease(v)) offered.push_back(v);
      }
    }
  });
  // RFC 8446 §4.2.1: without supported_versions, legacy_version is the highest offered.
  if (offered.empty()) offered.push_back(legacy_version);
  details.client_hello_seen = true;
  details.server_name = std::move(name);
  details.offered_versions = std::move(offered);
}

// ServerHello (RFC 8446 §4.1.3): legacy_version, random, legacy_session_id_echo,
// cipher_suite, legacy_compression_method, extensions.
void read_server_hello(std::string_view body, TlsDetails& details) {
  Cursor c(body);
  auto version = static_cast<std::uint16_t>(c.number(2));
  c.take(32);
  c.vector(1);
  const auto suite = static_cast<std::uint16_t>(c.number(2));
  c.number(1);
  if (!c.ok()) return;
  // RFC 8446 §4.2.1: a TLS 1.3 server names the version in supported_versions, and its
  // legacy_version says 1.2.
  read_extensions(c, [&](std::uint16_t type, std::string_view data) {
    if (type == kExtSupportedVersions && data.size() == 2) {
      version = static_cast<std::uint16_t>(static_cast<unsigned char>(data[0]) << 8 |
                                           static_cast<unsigned char>(data[1]));
    }
  });
  details.server_hello_seen = true;
  details.version = version;
  details.cipher_suite = suite;
}

}  // namespace

void TlsHelloReader::feed(std::string_view bytes, TlsDetails& details) {
  const auto fragment_length = [this] {
    return static_cast<std::size_t>(static_cast<unsigned char>(record_[3])) << 8 |
           static_cast<unsigned char>(record_[4]);
  };
  while (!done_ && !bytes.empty()) {
    if (record_.size() < kRecordHeader) {
      const std::size_t take = std::min(kRecordHeader - record_.size(), bytes.size());
      record_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (record_.size() < kRecordHeader) break;
      // Not a TLS record at all (RFC 8446 §5.1: major version 3, bounded length): stop.
      if (record_[1] != 3 || fragment_length() > kMaxFragment) {
        done_ = true;
        break;
      }
    }
    const std::size_t want = kRecordHeader + fragment_length();
    const std::size_t take = std::min(want - record_.size(), bytes.size());
    record_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (record_.size() < want) break;
    on_record(static_cast<std::uint8_t>(record_[0]),
              std::string_view(record_).substr(kRecordHeader), details);
    record_.clear();
  }
  if (done_) {
    record_ = std::string();
    handshake_ = std::string();
  }
}

void TlsHelloReader::on_record(std::uint8_t type, std::string_view fragment, TlsDetails& details) {
  // RFC 8446 §5.1: the hello is the first handshake message; any other record before it
  // (an alert, a change_cipher_spec) means there is no hello to read.
  if (type != kContentHandshake) {
    done_ = true;
    return;
  }
  handshake_.append(fragment);
  if (handshake_.size() < 4) return;
  // Handshake (RFC 8446 §4): msg_type(1) length(3) body.
  const auto msg_type = static_cast<std::uint8_t>(handshake_[0]);
  const std::size_t length =
      static_cast<std::size_t>(static_cast<unsigned char>(handshake_[1])) << 16 |
      static_cast<std::size_t>(static_cast<unsigned char>(handshake_[2])) << 8 |
      static_cast<unsigned char>(handshake_[3]);
  if (msg_type != (from_client_ ? kClientHello : kServerHello) || length > kMaxHello) {
    done_ = true;
    return;
  }
  if (handshake_.size() < 4 + length) return;
  const std::string_view body = std::string_view(handshake_).substr(4, length);
  if (from_client_)
    read_client_hello(body, details);
  else
    read_server_hello(body, details);
  done_ = true;
}

std::string tls_version_name(std::uint16_t version) {
  switch (version) {
    case 0x0300:
      return "SSL 3.0";
    case 0x0301:
      return "TLS 1.0";
    case 0x0302:
      return "TLS 1.1";
    case 0x0303:
      return "TLS 1.2";
    case 0x0304:
      return "TLS 1.3";
    default:
      break;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%04x", static_cast<unsigned>(version));
  return buf;
}

std::string tls_cipher_suite_name(std::uint16_t suite) {
  // SSL_CIPHER_find needs a connection object; one, made once, serves every lookup.
  struct Lookup {
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx{SSL_CTX_new(TLS_method()), SSL_CTX_free};
    std::unique_ptr<SSL, decltype(&SSL_free)> ssl{ctx ? SSL_new(ctx.get()) : nullptr, SSL_free};
  };
  static const Lookup lookup;
  if (lookup.ssl) {
    const unsigned char code[2] = {static_cast<unsigned char>(suite >> 8),
                                   static_cast<unsigned char>(suite & 0xff)};
    if (const SSL_CIPHER* cipher = SSL_CIPHER_find(lookup.ssl.get(), code)) {
      if (const char* name = SSL_CIPHER_standard_name(cipher)) return name;
    }
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%04x", static_cast<unsigned>(suite));
  return buf;
}

}  // namespace imapscope::analyzer
