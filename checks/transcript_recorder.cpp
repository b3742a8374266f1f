#include "checks/transcript_recorder.h"

#include <utility>

namespace imapscope::checks {

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
                                std::string_view tag) {
  if (transcript_.messages.size() >= limit_ || budget_ == 0) {
    ++transcript_.omitted;
    return;
  }
  --budget_;
  const analyzer::Message& m = info.message;
  TranscriptMessage t;
  t.kind = kind;
  t.direction = m.dir;
  t.line = m.origin.line;
  t.offset = m.offset;
  t.packet = m.origin.packet;
  t.time = m.origin.time;
  t.tag = std::string(tag);
  t.excerpt = info.excerpt();
  transcript_.messages.push_back(std::move(t));
}

void TranscriptRecorder::on_greeting(const analyzer::Response* /*response*/,
                                     const analyzer::SyntaxError* /*error*/,
                                     const analyzer::MessageInfo& info) {
  record(MessageKind::kGreeting, info, {});
}

void TranscriptRecorder::on_command(const analyzer::Command& command,
                                    const analyzer::MessageInfo& info) {
  record(MessageKind::kCommand, info, command.tag);
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
  return out;
}

}  // namespace imapscope::checks
