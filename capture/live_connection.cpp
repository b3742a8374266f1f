#include "capture/live_connection.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace imapscope::capture {

namespace {

int remaining_ms(LiveConnection::Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - LiveConnection::Clock::now());
  if (left.count() <= 0) return 0;
  return left.count() > 1'000'000 ? 1'000'000 : static_cast<int>(left.count());
}

std::string address_text(const sockaddr* sa) {
  char host[NI_MAXHOST] = {};
  char serv[NI_MAXSERV] = {};
  if (getnameinfo(sa, sa->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in), host,
                  sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return "?";
  const std::string h = host;
  return (h.find(':') != std::string::npos ? "[" + h + "]" : h) + ":" + serv;
}

// The reason OpenSSL queued for the last failure, or `fallback`.
std::string openssl_reason(std::string fallback) {
  unsigned long code = ERR_get_error();
  if (code == 0) return fallback;
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

bool is_ip_literal(const std::string& host) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

}  // namespace

LiveConnection::LiveConnection(int fd, std::string host, std::string peer, std::string local)
    : fd_(fd), host_(std::move(host)), peer_(std::move(peer)), local_(std::move(local)) {}

LiveConnection::~LiveConnection() {
  close();
  if (ctx_ != nullptr) SSL_CTX_free(ctx_);
}

std::string LiveConnection::fail(std::string_view what, std::string_view reason) const {
  return peer_ + ": " + std::string(what) + ": " + std::string(reason);
}

std::variant<std::unique_ptr<LiveConnection>, std::string> LiveConnection::open(
    const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout) {
  const std::string where =
      (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &list); rc != 0)
    return where + ": cannot resolve host: " + gai_strerror(rc);
  const auto deadline = Clock::now() + timeout;
  std::string last_error = "no address";
  for (addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
    int fd =
        ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) {
      last_error = std::strerror(errno);
      continue;
    }
    int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      rc = ::poll(&p, 1, remaining_ms(deadline));
      if (rc == 0) {
        last_error = "timed out after " + std::to_string(timeout.count() / 1000) + " s";
        ::close(fd);
        continue;
      }
      int so_error = 0;
      socklen_t len = sizeof so_error;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
      rc = so_error == 0 ? 0 : -1;
      errno = so_error;
    }
    if (rc != 0) {
      last_error = std::strerror(errno);
      ::close(fd);
      continue;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // commands are small
    sockaddr_storage local{};
    socklen_t local_len = sizeof local;
    getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len);
    std::string peer = address_text(ai->ai_addr);
    freeaddrinfo(list);
    return std::unique_ptr<LiveConnection>(new LiveConnection(
        fd, host, std::move(peer), address_text(reinterpret_cast<sockaddr*>(&local))));
  }
  freeaddrinfo(list);
  return where + ": connect: " + last_error;
}

bool LiveConnection::wait(bool for_read, Clock::time_point deadline) const {
  pollfd p{fd_, static_cast<short>(for_read ? POLLIN : POLLOUT), 0};
  for (;;) {
    const int rc = ::poll(&p, 1, remaining_ms(deadline));
    if (rc > 0) return true;
    if (rc == 0) return false;
    if (errno != EINTR) return true;  // let the read or write report the error
  }
}

std::string LiveConnection::start_tls(const TlsOptions& options, Clock::time_point deadline) {
  if (fd_ < 0) return fail("TLS", "connection is closed");
  ctx_ = SSL_CTX_new(TLS_client_method());
  if (ctx_ == nullptr) return fail("TLS", openssl_reason("cannot create a TLS context"));
  SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);  // RFC 8996: no TLS 1.0/1.1
  if (!options.cafile.empty()) {
    if (SSL_CTX_load_verify_locations(ctx_, options.cafile.c_str(), nullptr) != 1)
      return fail("TLS", options.cafile + ": " + openssl_reason("cannot load CA file"));
  } else if (SSL_CTX_set_default_verify_paths(ctx_) != 1) {
    return fail("TLS", openssl_reason("cannot load the system CA store"));
  }
  SSL_CTX_set_verify(ctx_, options.insecure ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nullptr);
  ssl_ = SSL_new(ctx_);
  if (ssl_ == nullptr) return fail("TLS", openssl_reason("cannot create a TLS session"));
  SSL_set_fd(ssl_, fd_);
  if (is_ip_literal(host_)) {
    // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName".
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), host_.c_str());
  } else {
    // SSL_set_tlsext_host_name is a macro with a C cast; this is its expansion.
    SSL_ctrl(ssl_, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(host_.c_str()));
    SSL_set1_host(ssl_, host_.c_str());
  }
  for (;;) {
    const int rc = SSL_connect(ssl_);
    if (rc == 1) break;
    const int err = SSL_get_error(ssl_, rc);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
      if (!wait(err == SSL_ERROR_WANT_READ, deadline)) return fail("TLS handshake", "timed out");
      continue;
    }
    std::string reason = openssl_reason("handshake failed");
    const long verify = SSL_get_verify_result(ssl_);
    if (verify != X509_V_OK)
      reason += std::string(" (certificate: ") + X509_verify_cert_error_string(verify) + ")";
    return fail("TLS handshake", reason);
  }
  tls_.version = SSL_get_version(ssl_);
  tls_.cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl_));
  tls_.verified = !options.insecure && SSL_get_verify_result(ssl_) == X509_V_OK;
  if (X509* cert = SSL_get1_peer_certificate(ssl_)) {
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
    char* data = nullptr;
    const long len = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);  // BIO_get_mem_data
    if (len > 0) tls_.subject.assign(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    X509_free(cert);
  }
  return {};
}

std::string LiveConnection::send(std::string_view bytes, Clock::time_point deadline) {
  while (!bytes.empty()) {
    if (fd_ < 0) return fail("send", "connection is closed");
    if (ssl_ != nullptr) {
      std::size_t written = 0;
      const int rc = SSL_write_ex(ssl_, bytes.data(), bytes.size(), &written);
      if (rc == 1) {
        bytes.remove_prefix(written);
        continue;
      }
      const int err = SSL_get_error(ssl_, rc);
      if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
        if (!wait(err == SSL_ERROR_WANT_READ, deadline)) return fail("send", "timed out");
        continue;
      }
      return fail("send", openssl_reason("TLS write failed"));
    }
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n >= 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return fail("send", std::strerror(errno));
    if (!wait(false, deadline)) return fail("send", "timed out");
  }
  return {};
}

std::string LiveConnection::receive(std::size_t max, Clock::time_point deadline,
                                    std::string& error) {
  std::string out(max, '\0');
  for (;;) {
    if (fd_ < 0) {
      error = fail("receive", "connection is closed");
      return {};
    }
    if (ssl_ != nullptr) {
      std::size_t got = 0;
      const int rc = SSL_read_ex(ssl_, out.data(), max, &got);
      if (rc == 1) {
        out.resize(got);
        return out;
      }
      const int err = SSL_get_error(ssl_, rc);
      if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
        if (!wait(err == SSL_ERROR_WANT_READ, deadline)) {
          error = fail("receive", "timed out");
          return {};
        }
        continue;
      }
      error = err == SSL_ERROR_ZERO_RETURN
                  ? fail("receive", "server closed the connection")
                  : fail("receive", openssl_reason("server closed the connection"));
      return {};
    }
    const ssize_t n = ::recv(fd_, out.data(), max, 0);
    if (n > 0) {
      out.resize(static_cast<std::size_t>(n));
      return out;
    }
    if (n == 0) {
      error = fail("receive", "server closed the connection");
      return {};
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) {
      error = fail("receive", std::strerror(errno));
      return {};
    }
    if (!wait(true, deadline)) {
      error = fail("receive", "timed out");
      return {};
    }
  }
}

void LiveConnection::close() {
  if (ssl_ != nullptr) {
    SSL_shutdown(ssl_);  // best effort close_notify; the socket is non-blocking
    SSL_free(ssl_);
    ssl_ = nullptr;
  }
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

}  // namespace imapscope::capture
