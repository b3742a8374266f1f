#include "checks/checker.h"

#include <map>
#include <memory>
#include <set>
#include <variant>

#include "checks/transcript_recorder.h"

namespace imapscope::checks {

std::size_t Analysis::count(Severity s) const {
  std::size_t n = 0;
  for (const Violation& v : violations)
    n += v.severity == s ? 1 : 0;
  return n;
}

const std::string& Analysis::file_of(const Violation& v) const {
  static const std::string kNone;
  for (const ConnectionSummary& c : connections) {
    if (c.id != v.connection) continue;
    const InputSummary& in = inputs.at(c.input);
    const bool server = v.direction == capture::Direction::kServerToClient;
    return server && !in.server_path.empty() ? in.server_path : in.path;
  }
  return kNone;
}

namespace {

// One connection being replayed: its session and the rule instances watching it.
struct LiveConnection {
  std::unique_ptr<analyzer::Session> session;
  std::unique_ptr<RuleContext> context;
  std::vector<std::unique_ptr<Rule>> rules;
  std::unique_ptr<TranscriptRecorder> transcript;  // with CheckOptions::collect_transcript
  std::size_t summary_index = 0;
};

class PipelineSink final : public capture::StreamSink {
 public:
  PipelineSink(const CheckOptions& options, Analysis& analysis)
      : options_(options), analysis_(analysis) {}

  void set_input(std::size_t input) { input_ = input; }

  void on_connection_begin(capture::ConnectionId id, const capture::ConnectionMeta& meta) override {
    auto conn = std::make_unique<LiveConnection>();
    analyzer::SessionOptions so;
    so.limits = options_.limits;
    so.redact = options_.redact;
    so.may_start_after_login = meta.may_start_after_login;
    so.may_end_at_login = meta.may_end_at_login;
    conn->session = std::make_unique<analyzer::Session>(so);
    conn->context =
        std::make_unique<RuleContext>(*conn->session, options_.profile, id, analysis_.violations);
    for (const RuleEntry& entry : rule_catalog()) {
      conn->rules.push_back(entry.factory(*conn->context));
      conn->session->add_observer(conn->rules.back().get());
    }
    if (options_.collect_transcript) {
      conn->transcript = std::make_unique<TranscriptRecorder>(kTranscriptMessagesPerConnection,
                                                              transcript_budget_);
      conn->session->add_observer(conn->transcript.get());
    }
    ConnectionSummary summary;
    summary.id = id;
    summary.input = input_;
    summary.client = meta.client;
    summary.server = meta.server;
    conn->summary_index = analysis_.connections.size();
    analysis_.connections.push_back(std::move(summary));
    live_[id] = std::move(conn);
  }

  void on_data(capture::ConnectionId id, capture::Direction dir, std::string_view bytes,
               const capture::Origin& origin) override {
    auto it = live_.find(id);
    if (it != live_.end()) it->second->session->feed(dir, bytes, origin);
  }

  void on_gap(capture::ConnectionId id, capture::Direction dir, std::uint64_t bytes_missing,
              const capture::Origin& origin) override {
    auto it = live_.find(id);
    if (it == live_.end()) return;
    it->second->session->on_gap(dir, bytes_missing);
    if (bytes_missing == 0) return;  // unknown: the capture problem that caused it says why
    analysis_.connections[it->second->summary_index].capture_problems.push_back(
        {capture::CaptureProblemKind::kGap, origin.packet, origin.time, dir, bytes_missing,
         std::to_string(bytes_missing) +
             " bytes are not in the capture; no findings are reported after this point"});
  }

  void on_capture_problem(capture::ConnectionId id,
                          const capture::CaptureProblem& problem) override {
    auto it = live_.find(id);
    if (it != live_.end()) {
      analysis_.connections[it->second->summary_index].capture_problems.push_back(problem);
    } else if (!analysis_.inputs.empty()) {
      analysis_.inputs[input_].capture_problems.push_back(problem);
    }
  }

  void on_connection_end(capture::ConnectionId id) override {
    auto it = live_.find(id);
    if (it == live_.end()) return;
    LiveConnection& conn = *it->second;
    conn.session->finish();
    ConnectionSummary& summary = analysis_.connections[conn.summary_index];
    summary.commands = conn.session->command_count();
    summary.responses = conn.session->response_count();
    summary.capabilities = conn.session->capabilities();
    summary.final_state = std::string(analyzer::state_name(conn.session->state()));
    summary.compressed = conn.session->compressed();
    switch (conn.session->tls()) {
      case analyzer::Session::Tls::kNone:
        break;
      case analyzer::Session::Tls::kStarttls:
        summary.tls = "starttls";
        break;
      case analyzer::Session::Tls::kImplicit:
        summary.tls = "implicit";
        break;
    }
    if (conn.transcript) summary.transcript = conn.transcript->take();
    live_.erase(it);  // memory follows open connections, not the input's size
  }

 private:
  const CheckOptions& options_;
  Analysis& analysis_;
  std::size_t input_ = 0;
  std::size_t transcript_budget_ = kTranscriptMessagesTotal;
  std::map<capture::ConnectionId, std::unique_ptr<LiveConnection>> live_;
};

}  // namespace

CheckResult check_inputs(const std::vector<std::string>& paths, const CheckOptions& options) {
  CheckResult result;
  std::vector<capture::InputSpec> specs;
  std::set<std::string> seen;  // NAME.in and NAME.out name the same rawlog
  for (const std::string& path : paths) {
    auto identified = capture::identify_input(path);
    if (auto* error = std::get_if<capture::InputError>(&identified)) {
      result.error = *error;
      return result;
    }
    auto& spec = std::get<capture::InputSpec>(identified);
    if (!seen.insert(spec.path).second) continue;
    specs.push_back(std::move(spec));
  }
  PipelineSink sink(options, result.analysis);
  capture::ConnectionId next_id = 1;
  for (const capture::InputSpec& spec : specs) {
    result.analysis.inputs.push_back(InputSummary{
        spec.path, std::string(capture::input_kind_name(spec.kind)), spec.partner_path});
    sink.set_input(result.analysis.inputs.size() - 1);
    if (auto error = capture::read_input(spec, next_id, sink, options.capture)) {
      result.error = std::move(error);
      return result;
    }
  }
  return result;
}

}  // namespace imapscope::checks
