#include "probe/imap_client.h"

#include "analyzer/syntax.h"

namespace imapscope::probe {

using analyzer::ResponseKind;
using analyzer::Status;
using capture::Direction;

namespace {

// Retained literal octets: enough for the messages the probe appends and compares byte for
// byte; larger literals are still framed exactly, only not kept whole.
constexpr analyzer::FramerLimits kClientLimits{1 << 20, 8 << 20, 1 << 20};
constexpr std::size_t kReadChunk = 64 << 10;

}  // namespace

ServerResponse::ServerResponse(analyzer::Message m) : message(std::move(m)) {
  analyzer::SyntaxError err;
  parsed = analyzer::parse_response(message, response, err);
  if (!parsed) syntax_error = err.expected + " at column " + std::to_string(err.column);
}

std::string ServerResponse::words() const {
  return analyzer::excerpt(message, false, 200);
}

bool ServerResponse::is_data(std::string_view name) const {
  return parsed &&
         (response.kind == ResponseKind::kUntaggedData ||
          response.kind == ResponseKind::kUntaggedNumber) &&
         analyzer::iequals(response.name, name);
}

Status Reply::status() const {
  return tagged && tagged->parsed ? tagged->response.status : Status::kNone;
}

std::string Reply::words() const {
  if (!error.empty()) return error;
  return tagged ? "'" + tagged->words() + "'" : "no response";
}

std::vector<const ServerResponse*> Reply::data(std::string_view name) const {
  std::vector<const ServerResponse*> out;
  for (const ResponsePtr& r : untagged)
    if (r->is_data(name)) out.push_back(r.get());
  return out;
}

const analyzer::ResponseCode* Reply::code(std::string_view name) const {
  if (!tagged || !tagged->parsed || !tagged->response.code) return nullptr;
  return analyzer::iequals(tagged->response.code->name, name) ? &*tagged->response.code : nullptr;
}

ImapClient::ImapClient(std::unique_ptr<capture::LiveConnection> connection,
                       StreamRecorder& recorder, const ClientOptions& options)
    : connection_(std::move(connection)),
      recorder_(recorder),
      options_(options),
      framer_(Direction::kServerToClient, *this, kClientLimits) {
  capture::ConnectionMeta meta;
  meta.client = connection_->local();
  meta.server = connection_->peer();
  recorder_.begin(meta);
}

ImapClient::~ImapClient() {
  close();
}

void ImapClient::close() {
  if (connection_) connection_->close();
  if (alive_ || !ready_.empty()) framer_.finish();
  alive_ = false;
  recorder_.end();
}

std::chrono::steady_clock::time_point ImapClient::deadline() const {
  return std::chrono::steady_clock::now() + options_.timeout;
}

std::string ImapClient::fail(std::string error) {
  alive_ = false;
  connection_->close();
  return error;
}

void ImapClient::on_message(analyzer::Message& m) {
  ready_.push_back(std::make_shared<const ServerResponse>(std::move(m)));
}

std::string ImapClient::next_tag() {
  return "p" + std::to_string(next_tag_++);
}

std::string ImapClient::send(std::string_view bytes, std::string_view shown) {
  if (!alive_) return connection_->peer() + ": the connection is closed";
  // Recorded before it is on the wire, so the pipeline sees a command before its responses.
  recorder_.record(Direction::kClientToServer, bytes, shown);
  std::string error = connection_->send(bytes, deadline());
  return error.empty() ? error : fail(std::move(error));
}

ResponsePtr ImapClient::read(std::chrono::steady_clock::time_point deadline, std::string& error,
                             Timeout timeout) {
  while (ready_.empty()) {
    if (!alive_) {
      error = connection_->peer() + ": the connection is closed";
      return nullptr;
    }
    std::string bytes = connection_->receive(kReadChunk, deadline, error);
    if (bytes.empty()) {
      if (error.ends_with("timed out")) {
        error += " after " + std::to_string(options_.timeout.count() / 1000) +
                 " s waiting for the server";
        if (timeout == Timeout::kQuiet) return nullptr;
      }
      fail(error);
      return nullptr;
    }
    received_ += bytes.size();
    recorder_.record(Direction::kServerToClient, bytes);
    framer_.feed(bytes, capture::Origin{});
    if (received_ > options_.max_reply_bytes || ready_.size() > options_.max_reply_responses) {
      error = connection_->peer() + ": the server sent more than " +
              std::to_string(options_.max_reply_bytes >> 20) +
              " MiB without completing the command; giving up on the connection";
      fail(error);
      return nullptr;
    }
  }
  ResponsePtr r = ready_.front();
  ready_.pop_front();
  return r;
}

ResponsePtr ImapClient::read_greeting(std::string& error) {
  received_ = 0;
  return read(deadline(), error);
}

std::string ImapClient::start_tls(const capture::TlsOptions& tls) {
  std::string error = connection_->start_tls(tls, deadline());
  return error.empty() ? error : fail(std::move(error));
}

Reply ImapClient::finish(Reply reply, const std::string& tag) {
  const auto until = deadline();
  for (;;) {
    ResponsePtr r = read(until, reply.error);
    if (!r) return reply;
    if (r->parsed && r->response.kind == ResponseKind::kTagged && r->response.tag == tag) {
      reply.tagged = std::move(r);
      return reply;
    }
    reply.untagged.push_back(std::move(r));
  }
}

Reply ImapClient::command_redacted(const std::string& text, const std::string& shown) {
  received_ = 0;
  Reply reply;
  const std::string tag = next_tag();
  reply.command = tag + " " + shown;
  if (std::string e = send(tag + " " + text + "\r\n", tag + " " + shown + "\r\n"); !e.empty()) {
    reply.error = std::move(e);
    return reply;
  }
  return finish(std::move(reply), tag);
}

Reply ImapClient::command(const std::vector<std::string>& parts, LiteralMode mode) {
  received_ = 0;
  Reply reply;
  const std::string tag = next_tag();
  std::string out = tag + " " + (parts.empty() ? std::string() : parts[0]);
  for (std::size_t i = 1; i + 1 <= parts.size(); i += 2) {
    const std::string& literal = parts[i];
    const bool plus = mode == LiteralMode::kNonSynchronizing ||
                      (mode == LiteralMode::kAuto &&
                       (literal_plus_ || (literal_minus_ && literal.size() <= 4096)));
    out += "{" + std::to_string(literal.size()) + (plus ? "+" : "") + "}\r\n";
    if (reply.command.empty()) reply.command = out.substr(0, out.size() - 2);
    if (!plus) {
      // RFC 9051 §7.5: the client waits for "+" before sending a synchronizing literal.
      if (std::string e = send(out); !e.empty()) {
        reply.error = std::move(e);
        return reply;
      }
      out.clear();
      const auto until = deadline();
      for (;;) {
        ResponsePtr r = read(until, reply.error);
        if (!r) return reply;
        if (r->parsed && r->response.kind == ResponseKind::kContinuation) break;
        if (r->parsed && r->response.kind == ResponseKind::kTagged && r->response.tag == tag) {
          reply.tagged = std::move(r);  // the server refused the literal
          return reply;
        }
        reply.untagged.push_back(std::move(r));
      }
    }
    out += literal;
    if (i + 1 < parts.size()) out += parts[i + 1];
  }
  if (reply.command.empty()) reply.command = out;
  out += "\r\n";
  if (std::string e = send(out); !e.empty()) {
    reply.error = std::move(e);
    return reply;
  }
  return finish(std::move(reply), tag);
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace imapscope::probe
