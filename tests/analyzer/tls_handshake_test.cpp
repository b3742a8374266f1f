// The visible part of a TLS handshake, read from real bytes: the hellos Dovecot and curl
// exchanged in samples/dovecot/imaps.pcap (implicit TLS) and starttls.pcap, a ClientHello
// OpenSSL writes with a server name, and those same bytes cut short or garbled.

#include "analyzer/tls_handshake.h"

#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "analyzer/session.h"
#include "tests/capture/capture_recorder.h"

namespace imapscope::analyzer {
namespace {

const std::string kSamples = std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/";

struct Streams {
  std::string client;
  std::string server;
};

// The two reassembled streams of a sample's only connection.
Streams streams_of(const std::string& sample) {
  // imaps.pcap's server listened on port 38621, and implicit TLS has no greeting to find.
  capture::CaptureOptions options;
  options.extra_ports = {38621};
  const testing::CaptureRecorder r = testing::read_capture_file(kSamples + sample, options);
  EXPECT_EQ(r.order.size(), 1u);
  if (r.order.empty()) return {};
  return {r.at(0).client, r.at(0).server};
}

// From the first TLS record on (after STARTTLS's exchange, the rest of the stream).
std::string from_first_record(const std::string& stream) {
  const std::size_t at = stream.find("\x16\x03");
  return at == std::string::npos ? std::string() : stream.substr(at);
}

TlsDetails read_both(const std::string& client, const std::string& server) {
  TlsDetails d;
  TlsHelloReader c(true), s(false);
  c.feed(client, d);
  s.feed(server, d);
  return d;
}

TEST(TlsHandshake, ImplicitTlsSampleShowsTls13AndItsCipherSuite) {
  const Streams s = streams_of("imaps.pcap");
  ASSERT_TRUE(s.client.starts_with("\x16\x03"));
  const TlsDetails d = read_both(s.client, s.server);
  ASSERT_TRUE(d.client_hello_seen);
  ASSERT_TRUE(d.server_hello_seen);
  // curl offers TLS 1.3 and 1.2 (supported_versions), connecting to 127.0.0.1: no SNI, since
  // RFC 6066 §3 does not allow literal addresses in it.
  EXPECT_EQ(d.offered_versions, (std::vector<std::uint16_t>{0x0304, 0x0303}));
  EXPECT_EQ(d.server_name, "");
  // Dovecot's ServerHello: legacy_version 1.2, supported_versions 1.3 (RFC 8446 §4.2.1).
  ASSERT_TRUE(d.version.has_value());
  EXPECT_EQ(tls_version_name(*d.version), "TLS 1.3");
  ASSERT_TRUE(d.cipher_suite.has_value());
  EXPECT_EQ(*d.cipher_suite, 0x1302);
  EXPECT_EQ(tls_cipher_suite_name(*d.cipher_suite), "TLS_AES_256_GCM_SHA384");
}

TEST(TlsHandshake, StarttlsSampleReadByteByByteGivesTheSameAsWhole) {
  const Streams s = streams_of("starttls.pcap");
  const std::string client = from_first_record(s.client);
  const std::string server = from_first_record(s.server);
  ASSERT_FALSE(client.empty());
  ASSERT_FALSE(server.empty());
  const TlsDetails whole = read_both(client, server);
  ASSERT_TRUE(whole.server_hello_seen);
  EXPECT_EQ(whole.version, 0x0304);
  EXPECT_EQ(whole.cipher_suite, 0x1302);
  TlsDetails bytewise;
  TlsHelloReader c(true), sv(false);
  for (char b : client)
    c.feed(std::string_view(&b, 1), bytewise);
  for (char b : server)
    sv.feed(std::string_view(&b, 1), bytewise);
  EXPECT_TRUE(c.done());
  EXPECT_TRUE(sv.done());
  EXPECT_EQ(bytewise.offered_versions, whole.offered_versions);
  EXPECT_EQ(bytewise.version, whole.version);
  EXPECT_EQ(bytewise.cipher_suite, whole.cipher_suite);
}

// A ClientHello as OpenSSL writes it for a client that names its server.
std::string openssl_client_hello(const char* server_name) {
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()),
                                                        SSL_CTX_free);
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.get()), SSL_free);
  BIO* in = BIO_new(BIO_s_mem());
  BIO* out = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl.get(), in, out);  // the SSL owns both now
  // SSL_set_tlsext_host_name, without the macro's C cast.
  SSL_ctrl(ssl.get(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
           static_cast<void*>(const_cast<char*>(server_name)));
  SSL_connect(ssl.get());  // writes the ClientHello, then waits for the server
  std::string hello(BIO_ctrl_pending(out), '\0');
  const int n = BIO_read(out, hello.data(), static_cast<int>(hello.size()));
  hello.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return hello;
}

TEST(TlsHandshake, ServerNameFromAnOpensslClientHello) {
  const std::string hello = openssl_client_hello("imap.example.org");
  ASSERT_GT(hello.size(), 5u);
  TlsDetails d;
  TlsHelloReader reader(true);
  reader.feed(hello, d);
  EXPECT_TRUE(d.client_hello_seen);
  EXPECT_EQ(d.server_name, "imap.example.org");
  ASSERT_FALSE(d.offered_versions.empty());
  EXPECT_EQ(d.offered_versions.front(), 0x0304);
}

TEST(TlsHandshake, EveryTruncationOfRealHellosLeavesThemUnread) {
  const Streams s = streams_of("imaps.pcap");
  // The first record of each direction holds its whole hello.
  const auto record_end = [](const std::string& b) {
    return 5 + (static_cast<std::size_t>(static_cast<unsigned char>(b[3])) << 8 |
                static_cast<unsigned char>(b[4]));
  };
  const std::string client = s.client.substr(0, record_end(s.client));
  const std::string server = s.server.substr(0, record_end(s.server));
  for (std::size_t n = 0; n < client.size(); ++n) {
    TlsDetails d;
    TlsHelloReader r(true);
    r.feed(std::string_view(client).substr(0, n), d);
    EXPECT_FALSE(d.client_hello_seen) << n;
  }
  for (std::size_t n = 0; n < server.size(); ++n) {
    TlsDetails d;
    TlsHelloReader r(false);
    r.feed(std::string_view(server).substr(0, n), d);
    EXPECT_FALSE(d.server_hello_seen) << n;
    EXPECT_FALSE(d.version.has_value()) << n;
  }
}

TEST(TlsHandshake, GarbledHellosDoNotCrashOrReadPastTheirEnd) {
  const Streams s = streams_of("imaps.pcap");
  const std::string hello = openssl_client_hello("imap.example.org");
  // Set each byte of each hello to values that break lengths and types; the reader must stay
  // within the bytes (the sanitizer build checks it) and never claim what is not there.
  for (const std::string* original : {&s.client, &s.server, &hello}) {
    const bool from_client = original != &s.server;
    const std::size_t limit = std::min<std::size_t>(original->size(), 600);
    for (std::size_t i = 0; i < limit; ++i) {
      for (int v : {0x00, 0x01, 0x7f, 0xff}) {
        std::string garbled = original->substr(0, limit);
        garbled[i] = static_cast<char>(v);
        TlsDetails d;
        TlsHelloReader r(from_client);
        r.feed(garbled, d);
        if (!d.server_name.empty()) {
          EXPECT_LE(d.server_name.size(), garbled.size());
        }
      }
    }
  }
}

TEST(TlsHandshake, WhatIsNotAHelloIsIgnored) {
  TlsDetails d;
  TlsHelloReader client(true);
  client.feed("a1 LOGIN alice secret\r\n", d);  // no TLS record: version byte is not 3
  EXPECT_TRUE(client.done());
  TlsHelloReader alert(true);
  alert.feed(std::string("\x15\x03\x03\x00\x02\x02\x28", 7), d);  // an alert record
  EXPECT_TRUE(alert.done());
  TlsHelloReader server(false);
  // A handshake record holding a ClientHello where the server's hello belongs.
  server.feed(std::string("\x16\x03\x03\x00\x04\x01\x00\x00\x00", 9), d);
  EXPECT_TRUE(server.done());
  EXPECT_FALSE(d.client_hello_seen);
  EXPECT_FALSE(d.server_hello_seen);
  EXPECT_EQ(tls_version_name(0x7f1c), "0x7f1c");
  EXPECT_EQ(tls_cipher_suite_name(0xfefe), "0xfefe");
}

TEST(TlsHandshake, SessionReadsTheHellosAfterStarttls) {
  const Streams s = streams_of("starttls.pcap");
  Session session;
  const std::size_t client_tls = s.client.find("\x16\x03");
  const std::size_t server_tls = s.server.find("\x16\x03");
  ASSERT_NE(client_tls, std::string::npos);
  ASSERT_NE(server_tls, std::string::npos);
  // The greeting, the client's commands, the server's answers (STARTTLS's OK among them),
  // then each side's TLS.
  const std::string_view client_plain = std::string_view(s.client).substr(0, client_tls);
  const std::string_view server_plain = std::string_view(s.server).substr(0, server_tls);
  session.feed(Direction::kServerToClient, server_plain.substr(0, server_plain.find("\r\n") + 2),
               {});
  session.feed(Direction::kClientToServer, client_plain, {});
  session.feed(Direction::kServerToClient, server_plain.substr(server_plain.find("\r\n") + 2), {});
  session.feed(Direction::kClientToServer, std::string_view(s.client).substr(client_tls), {});
  session.feed(Direction::kServerToClient, std::string_view(s.server).substr(server_tls), {});
  session.finish();
  EXPECT_EQ(session.tls(), Session::Tls::kStarttls);
  EXPECT_EQ(session.tls_details().version, 0x0304);
  EXPECT_EQ(session.tls_details().cipher_suite, 0x1302);
  EXPECT_EQ(session.tls_details().offered_versions, (std::vector<std::uint16_t>{0x0304, 0x0303}));
}

}  // namespace
}  // namespace imapscope::analyzer
