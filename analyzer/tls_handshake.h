#pragma once
// What the visible part of a TLS handshake says: the ClientHello's server name (SNI) and the
// versions it offers, the ServerHello's negotiated version and cipher suite. These are sent
// in clear before any key exists (RFC 8446 §4.1.2, §4.1.3; RFC 5246 §7.4.1), so a capture
// shows them even though the rest of the connection is ciphertext. The reader follows the
// record layer (RFC 8446 §5.1) until the hello it waits for, then ignores the rest: it holds at
// most one record, and a truncated or garbled handshake only leaves fields unknown.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imapscope::analyzer {

struct TlsDetails {
  bool client_hello_seen = false;
  bool server_hello_seen = false;
  std::string server_name;                      // SNI host_name (RFC 6066 §3); empty if none
  std::vector<std::uint16_t> offered_versions;  // supported_versions, else legacy_version
  std::optional<std::uint16_t> version;         // negotiated, from the ServerHello
  std::optional<std::uint16_t> cipher_suite;    // chosen by the ServerHello
};

// Reads one direction's TLS records until its hello: a ClientHello for the client's stream,
// a ServerHello for the server's. Any chunking of the bytes gives the same result.
class TlsHelloReader {
 public:
  explicit TlsHelloReader(bool from_client) : from_client_(from_client) {}
  // Feeds the next bytes of this direction's stream; fills `details` once the hello is read.
  void feed(std::string_view bytes, TlsDetails& details);
  // The hello was read, or the stream is not a readable handshake: later bytes are ignored.
  bool done() const { return done_; }

 private:
  void on_record(std::uint8_t type, std::string_view fragment, TlsDetails& details);

  bool from_client_;
  bool done_ = false;
  std::string record_;     // the record being received (header included)
  std::string handshake_;  // handshake message bytes, assembled across records
};

// "TLS 1.3", "TLS 1.2", ... or "0x7f1c" for a value without a name.
std::string tls_version_name(std::uint16_t version);
// The IANA name of a cipher suite (e.g. "TLS_AES_256_GCM_SHA384") as OpenSSL knows it, else
// its code as "0x1302".
std::string tls_cipher_suite_name(std::uint16_t suite);

}  // namespace imapscope::analyzer
