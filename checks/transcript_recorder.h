#pragma once
// A session observer that records the first line of every message of one connection, up to
// a per-connection cap and a budget shared by every connection of a check.

#include <cstddef>

#include "analyzer/session_observer.h"
#include "checks/transcript.h"

namespace imapscope::checks {

class TranscriptRecorder final : public analyzer::SessionObserver {
 public:
  // `shared_budget` counts the messages every recorder of a check may still keep; it must
  // outlive the recorder.
  TranscriptRecorder(std::size_t per_connection_limit, std::size_t& shared_budget);

  void on_greeting(const analyzer::Response* response, const analyzer::SyntaxError* error,
                   const analyzer::MessageInfo& info) override;
  void on_command(const analyzer::Command& command, const analyzer::MessageInfo& info) override;
  void on_exchange_line(const analyzer::InFlightCommand* command,
                        const analyzer::MessageInfo& info) override;
  void on_continuation(const analyzer::Response& response, analyzer::ContinuationTarget target,
                       const analyzer::MessageInfo& info) override;
  void on_untagged(const analyzer::Response& response, const analyzer::MessageInfo& info) override;
  void on_completion(const analyzer::Response& response, const analyzer::InFlightCommand* command,
                     const analyzer::MessageInfo& info) override;
  void on_syntax_error(const analyzer::SyntaxError& error,
                       const analyzer::MessageInfo& info) override;

  // The transcript recorded so far; the recorder is empty afterwards.
  Transcript take();

 private:
  void record(MessageKind kind, const analyzer::MessageInfo& info, std::string_view tag,
              const analyzer::Command* command = nullptr);
  TranscriptMessage* find_recorded(const analyzer::Message& m);
  static bool starts_after(const TranscriptMessage& a, const TranscriptMessage& b);

  std::size_t limit_;
  std::size_t& budget_;
  Transcript transcript_;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t last_ = kNone;  // where the message recorded last went
};

}  // namespace imapscope::checks
