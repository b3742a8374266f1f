#include "checks/transcript_recorder.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "analyzer/command.h"

namespace imapscope::checks {
namespace {

// Line `i` of `m` as a report shows it: credentials replaced by "***" (when `redact`), control
// bytes as \xNN, at most `max` bytes of the original ("..." marks a cut).
std::string shown_line(const analyzer::Message& m, std::size_t i, bool redact, std::size_t max) {
  const analyzer::Line& line = m.lines[i];
  std::string out;
  std::size_t at = line.begin;
  const std::size_t stop = std::min(line.end, line.begin + max);
  while (at < stop) {
    if (redact) {
      auto r = std::find_if(m.redactions.begin(), m.redactions.end(),
                            [&](const analyzer::Redaction& x) { return x.first == at; });
      if (r != m.redactions.end() && r->second > r->first) {
        out += "***";
        at = r->second;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(m.text[at++]);
    if (c < 0x20 || c == 0x7f) {
      analyzer::append_hex_octet(c, out);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (at < line.end || line.truncated) out += "...";
  return out;
}

// The literal holding a credential: LOGIN's password, AUTHENTICATE's initial response
// (the same arguments Command parsing redacts when they are not literals).
std::optional<std::size_t> credential_literal(const analyzer::Command* command) {
  if (command == nullptr || command->args.size() < 2) return std::nullopt;
  if (command->id != analyzer::CommandId::kLogin &&
      command->id != analyzer::CommandId::kAuthenticate)
    return std::nullopt;
  if (command->args[1].kind != analyzer::ArgKind::kLiteral) return std::nullopt;
  return command->args[1].literal;
}

// The whole of `m`, within the per-message caps.
void keep_message(TranscriptMessage& t, const analyzer::MessageInfo& info,
                  const analyzer::Command* command) {
  const analyzer::Message& m = info.message;
  const std::optional<std::size_t> secret =
      info.redact ? credential_literal(command) : std::nullopt;
  std::size_t room = kTranscriptBytesPerMessage;
  for (std::size_t i = 0; i < m.lines.size(); ++i) {
    if (room == 0) {
      t.cut = true;
      return;
    }
    t.lines.push_back(shown_line(m, i, info.redact, std::min(room, kTranscriptLineBytes)));
    room -= std::min(room, t.lines.back().size());
    if (i >= m.literals.size()) continue;
    const analyzer::Literal& literal = m.literals[i];
    TranscriptLiteral l;
    l.size = literal.size;
    l.complete = literal.complete;
    l.redacted = secret == i;
    if (!l.redacted) {
      l.head = literal.retained.substr(0, std::min(room, kTranscriptLiteralHead));
      room -= l.head.size();
    }
    t.literals.push_back(std::move(l));
  }
}

}  // namespace

std::string_view message_kind_name(MessageKind kind) {
  switch (kind) {
    case MessageKind::kGreeting:
      return "greeting";
    case MessageKind::kCommand:
      return "command";
    case MessageKind::kExchange:
      return "exchange";
    case MessageKind::kContinuation:
      return "continuation";
    case MessageKind::kUntagged:
      return "untagged";
    case MessageKind::kCompletion:
      return "completion";
    case MessageKind::kUnparsed:
      return "unparsed";
  }
  return "unparsed";
}

TranscriptRecorder::TranscriptRecorder(std::size_t per_connection_limit, std::size_t& shared_budget)
    : limit_(per_connection_limit), budget_(shared_budget) {
  transcript_.collected = true;
}

void TranscriptRecorder::record(MessageKind kind, const analyzer::MessageInfo& info,
                                std::string_view tag, const analyzer::Command* command) {
  const analyzer::Message& m = info.message;
  // The strict grammar reports a deviation before the message is replayed, and may report
  // several: one message is one entry, named by what it turned out to be.
  if (TranscriptMessage* same = find_recorded(m)) {
    if (kind != MessageKind::kUnparsed) {
      same->kind = kind;
      same->tag = std::string(tag);
    }
    return;
  }
  if (transcript_.messages.size() >= limit_ || budget_ == 0) {
    ++transcript_.omitted;
    return;
  }
  --budget_;
  TranscriptMessage t;
  t.kind = kind;
  t.direction = m.dir;
  t.line = m.origin.line;
  t.offset = m.offset;
  t.packet = m.origin.packet;
  t.time = m.origin.time;
  t.tag = std::string(tag);
  t.excerpt = info.excerpt();
  keep_message(t, info, command);
  // A message is delivered when its last octet arrives, but shown where it starts: LOGIN with
  // two synchronizing literals comes before the continuations that answered it.
  auto at = transcript_.messages.end();
  while (at != transcript_.messages.begin() && starts_after(*(at - 1), t))
    --at;
  last_ = static_cast<std::size_t>(at - transcript_.messages.begin());
  transcript_.messages.insert(at, std::move(t));
}

TranscriptMessage* TranscriptRecorder::find_recorded(const analyzer::Message& m) {
  // Only the entry recorded last can be the same message: it was recorded a moment ago.
  if (last_ >= transcript_.messages.size()) return nullptr;
  TranscriptMessage& t = transcript_.messages[last_];
  // The syntax error comes first; what the message turned out to be follows.
  const bool same = t.kind == MessageKind::kUnparsed && t.direction == m.dir &&
                    t.offset == m.offset && t.line == m.origin.line && t.packet == m.origin.packet;
  return same ? &t : nullptr;
}

bool TranscriptRecorder::starts_after(const TranscriptMessage& a, const TranscriptMessage& b) {
  if (a.line != 0 && b.line != 0) return a.line > b.line;
  if (a.packet != 0 && b.packet != 0) return a.packet > b.packet;
  return false;  // no position to order by: delivery order stands
}

void TranscriptRecorder::on_greeting(const analyzer::Response* /*response*/,
                                     const analyzer::SyntaxError* /*error*/,
                                     const analyzer::MessageInfo& info) {
  record(MessageKind::kGreeting, info, {});
}

void TranscriptRecorder::on_command(const analyzer::Command& command,
                                    const analyzer::MessageInfo& info) {
  record(MessageKind::kCommand, info, command.tag, &command);
}

void TranscriptRecorder::on_exchange_line(const analyzer::InFlightCommand* command,
                                          const analyzer::MessageInfo& info) {
  record(MessageKind::kExchange, info, command != nullptr ? command->tag : std::string_view{});
}

void TranscriptRecorder::on_continuation(const analyzer::Response& /*response*/,
                                         analyzer::ContinuationTarget /*target*/,
                                         const analyzer::MessageInfo& info) {
  record(MessageKind::kContinuation, info, {});
}

void TranscriptRecorder::on_untagged(const analyzer::Response& /*response*/,
                                     const analyzer::MessageInfo& info) {
  record(MessageKind::kUntagged, info, {});
}

void TranscriptRecorder::on_completion(const analyzer::Response& response,
                                       const analyzer::InFlightCommand* /*command*/,
                                       const analyzer::MessageInfo& info) {
  record(MessageKind::kCompletion, info, response.tag);
}

void TranscriptRecorder::on_syntax_error(const analyzer::SyntaxError& /*error*/,
                                         const analyzer::MessageInfo& info) {
  record(MessageKind::kUnparsed, info, {});
}

Transcript TranscriptRecorder::take() {
  Transcript out = std::move(transcript_);
  transcript_ = Transcript{};
  transcript_.collected = true;
  last_ = kNone;
  return out;
}

}  // namespace imapscope::checks
