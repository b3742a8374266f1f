#pragma once
// The probe's IMAP client: sends tagged commands (waiting for the continuation request before
// a synchronizing literal's octets, RFC 9051 §4.3 and §7.5; not waiting with LITERAL+, RFC 7888
// §4), reads the server's responses framed literal-exactly by the analyzer's Framer and parsed
// with parse_response, and records every byte both ways into the pipeline, so the probe's own
// session is judged by every passive rule of the catalog.

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/framer.h"
#include "analyzer/response.h"
#include "capture/live_connection.h"
#include "probe/stream_recorder.h"

namespace imapscope::probe {

// One response as received. Not movable: `response` points into `message`.
struct ServerResponse {
  ServerResponse(const ServerResponse&) = delete;
  ServerResponse& operator=(const ServerResponse&) = delete;
  explicit ServerResponse(analyzer::Message m);

  analyzer::Message message;
  analyzer::Response response;
  bool parsed = false;
  std::string syntax_error;  // when not parsed

  // The first line, shortened and with control bytes escaped, for messages.
  std::string words() const;
  bool is_data(std::string_view name) const;  // untagged data or number response `name`
};
using ResponsePtr = std::shared_ptr<const ServerResponse>;

// A command's outcome: the responses that came before its tagged completion, and that.
struct Reply {
  std::string command;  // the first line as sent (credentials shown as ***)
  std::vector<ResponsePtr> untagged;
  ResponsePtr tagged;  // null when `error` is set
  std::string error;   // the connection failed or timed out

  analyzer::Status status() const;
  bool ok() const { return status() == analyzer::Status::kOk; }
  // The tagged line (or the error), quoted in failure messages.
  std::string words() const;
  // The untagged responses named `name` (CAPABILITY, LIST, EXISTS, FETCH...).
  std::vector<const ServerResponse*> data(std::string_view name) const;
  // The tagged response's code named `name`, if any.
  const analyzer::ResponseCode* code(std::string_view name) const;
};

enum class LiteralMode : unsigned char { kAuto, kSynchronizing, kNonSynchronizing };

struct ClientOptions {
  std::chrono::milliseconds timeout{30'000};  // per command
  std::size_t max_reply_bytes = 64 << 20;     // a flood ends the command with an error
  std::size_t max_reply_responses = 200'000;
};

class ImapClient : private analyzer::FramerSink {
 public:
  ImapClient(std::unique_ptr<capture::LiveConnection> connection, StreamRecorder& recorder,
             const ClientOptions& options);
  ~ImapClient() override;
  ImapClient(const ImapClient&) = delete;
  ImapClient& operator=(const ImapClient&) = delete;

  // Reads the greeting (RFC 9051 §7.1: the first response is OK, PREAUTH or BYE).
  ResponsePtr read_greeting(std::string& error);
  // The TLS handshake (implicit TLS, or after STARTTLS's OK).
  std::string start_tls(const capture::TlsOptions& tls);

  // Sends "TAG text" where `parts` alternate text and literal octets: {text, literal, text,
  // literal, ..., text}. Reads up to the tagged response.
  Reply command(const std::vector<std::string>& parts, LiteralMode mode = LiteralMode::kAuto);
  Reply command(std::string text) { return command(std::vector<std::string>{std::move(text)}); }
  // A command line whose transcript form differs (credentials): `shown` replaces `text` there.
  Reply command_redacted(const std::string& text, const std::string& shown);

  // Lower level, for IDLE, AUTHENTICATE exchanges and deliberately bad input.
  std::string next_tag();
  std::string peek_tag() const { return "p" + std::to_string(next_tag_); }  // the next one
  // Sends raw bytes (whole lines for `shown` to apply); returns an error or "".
  std::string send(std::string_view bytes, std::string_view shown = {});
  // What a timeout in read() means: the server failed to answer (the connection is given up),
  // or only that the server had nothing to say, as during IDLE (the connection goes on).
  enum class Timeout { kFatal, kQuiet };
  // The next response, waiting until `deadline`; null with `error` on failure or timeout
  // (alive() tells which when `timeout` is kQuiet).
  ResponsePtr read(std::chrono::steady_clock::time_point deadline, std::string& error,
                   Timeout timeout = Timeout::kFatal);
  // Reads responses until the tagged one for `tag`.
  Reply finish(Reply reply, const std::string& tag);
  std::chrono::steady_clock::time_point deadline() const;

  // Whether the server offers LITERAL+ (or LITERAL-, for literals up to 4096 octets).
  void set_literal_plus(bool plus, bool minus) {
    literal_plus_ = plus;
    literal_minus_ = minus;
  }
  bool alive() const { return alive_; }
  capture::LiveConnection& connection() { return *connection_; }
  // Ends the connection (closes the socket and ends it in the pipeline).
  void close();

 private:
  void on_literal_announced(const analyzer::Message&, const analyzer::Literal&) override {}
  void on_literal_begin(const analyzer::Message&, const analyzer::Literal&) override {}
  void on_message(analyzer::Message& m) override;
  std::string fail(std::string error);

  std::unique_ptr<capture::LiveConnection> connection_;
  StreamRecorder& recorder_;
  ClientOptions options_;
  analyzer::Framer framer_;
  std::deque<ResponsePtr> ready_;
  std::uint64_t next_tag_ = 1;
  std::size_t received_ = 0;  // bytes of the command being read, for max_reply_bytes
  bool literal_plus_ = false;
  bool literal_minus_ = false;
  bool alive_ = true;
};

// An IMAP quoted string (RFC 9051 §9 "quoted") for `s`; `s` must hold no CR, LF or NUL.
std::string quoted(std::string_view s);

}  // namespace imapscope::probe
