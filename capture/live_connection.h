#pragma once
// A live client connection to an IMAP server, the byte source of `imapscope probe`: TCP with a
// connect timeout, then TLS (implicit for imaps://, RFC 8314 §3.3, or upgraded in place after
// STARTTLS, RFC 9051 §6.2.1) verified with OpenSSL. Every read and write has a deadline and
// every read a size bound, so a stalled server ends in a clear error and never in a hang.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

// OpenSSL's SSL and SSL_CTX, declared so this header needs no OpenSSL include.
struct ssl_st;
struct ssl_ctx_st;

namespace imapscope::capture {

struct TlsOptions {
  std::string cafile;     // PEM bundle to trust instead of the system store; empty: system
  bool insecure = false;  // do not verify the certificate (still records it)
};

// What the TLS handshake settled on, for the report.
struct TlsSession {
  std::string version;  // "TLSv1.3"
  std::string cipher;   // "TLS_AES_256_GCM_SHA384"
  std::string subject;  // the peer certificate's subject, one line (RFC 2253)
  bool verified = false;
};

class LiveConnection {
 public:
  using Clock = std::chrono::steady_clock;

  ~LiveConnection();
  LiveConnection(const LiveConnection&) = delete;
  LiveConnection& operator=(const LiveConnection&) = delete;

  // Resolves `host` and connects to the first address that answers within `timeout`.
  // Returns the connection or a one-line error ("host:port: connect: Connection refused").
  static std::variant<std::unique_ptr<LiveConnection>, std::string> open(
      const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout);

  // Runs the TLS client handshake on the open socket (implicit TLS, or after STARTTLS's OK):
  // SNI for host names, verification of the chain and of the host name or IP address.
  // Returns an empty string on success, else a one-line error with OpenSSL's reason.
  std::string start_tls(const TlsOptions& options, Clock::time_point deadline);

  // Writes all of `bytes`; an empty string on success, else a one-line error.
  std::string send(std::string_view bytes, Clock::time_point deadline);

  // Reads what is available (at most `max` bytes, waiting until `deadline` for the first).
  // Returns the bytes; empty with `error` set on timeout, end of stream or failure.
  std::string receive(std::size_t max, Clock::time_point deadline, std::string& error);

  // Closes the connection (politely for TLS); later calls fail.
  void close();

  bool is_tls() const { return ssl_ != nullptr; }
  const TlsSession& tls() const { return tls_; }
  const std::string& peer() const { return peer_; }    // "host:port"
  const std::string& local() const { return local_; }  // "address:port" of our end

 private:
  LiveConnection(int fd, std::string host, std::string peer, std::string local);
  std::string fail(std::string_view what, std::string_view reason) const;
  // Waits until the socket is readable (`for_read`) or writable; false on timeout.
  bool wait(bool for_read, Clock::time_point deadline) const;

  int fd_ = -1;
  std::string host_;
  std::string peer_;
  std::string local_;
  ssl_ctx_st* ctx_ = nullptr;  // owned
  ssl_st* ssl_ = nullptr;      // owned; set once TLS is up
  TlsSession tls_;
};

}  // namespace imapscope::capture
