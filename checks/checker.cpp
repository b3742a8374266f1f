#include "checks/checker.h"

#include <memory>
#include <set>
#include <unordered_map>
#include <variant>

#include "checks/pipeline.h"
#include "checks/rule_set.h"
#include "checks/transcript_recorder.h"

namespace imapscope::checks {

std::size_t Analysis::count(Severity s) const {
  std::size_t n = 0;
  for (const Violation& v : violations)
    n += v.severity == s ? 1 : 0;
  return n + violations_not_kept[static_cast<std::size_t>(s)];
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
  std::unique_ptr<RuleSet> rules;
  std::unique_ptr<TranscriptRecorder> transcript;  // with CheckOptions::collect_transcript
  std::size_t summary_index = 0;
};

void fill_tls_details(const analyzer::Session& session, ConnectionSummary& summary) {
  const analyzer::TlsDetails& tls = session.tls_details();
  if (tls.version) summary.tls_version = analyzer::tls_version_name(*tls.version);
  if (tls.cipher_suite) summary.tls_cipher = analyzer::tls_cipher_suite_name(*tls.cipher_suite);
  summary.tls_sni = tls.server_name;
  for (std::uint16_t v : tls.offered_versions)
    summary.tls_offered_versions.push_back(analyzer::tls_version_name(v));
}

class PipelineSink final : public capture::StreamSink {
 public:
  PipelineSink(const CheckOptions& options, Analysis& analysis)
      : options_(options),
        analysis_(analysis),
        budget_(MemoryBudget::for_megabytes(options.max_memory_mb)) {
    violation_budget_.per_rule = budget_.violations_per_rule;
    violation_budget_.total = budget_.violations;
  }

  void set_input(std::size_t input) { input_ = input; }

  // The input is read: says how many of its connections were past the memory limit.
  void end_input() {
    analysis_.violations_not_kept = violation_budget_.not_kept;
    if (not_analyzed_ == 0) return;
    analysis_.inputs[input_].capture_problems.push_back(
        {capture::CaptureProblemKind::kResourceLimit, 0, std::nullopt, std::nullopt, std::nullopt,
         std::to_string(not_analyzed_) +
             " connections were not analyzed: " + std::to_string(budget_.connections) +
             " connections is the most one run analyzes within the memory limit (--max-memory)"});
    not_analyzed_ = 0;
  }

  void on_connection_begin(capture::ConnectionId id, const capture::ConnectionMeta& meta) override {
    if (analysis_.connections.size() >= budget_.connections) {
      // Past the limit every later connection is refused too: ids from here on are not kept.
      if (!first_refused_) first_refused_ = id;
      ++not_analyzed_;
      return;
    }
    auto conn = std::make_unique<LiveConnection>();
    analyzer::SessionOptions so;
    so.limits = options_.limits;
    so.redact = options_.redact;
    so.may_start_after_login = meta.may_start_after_login;
    so.may_end_at_login = meta.may_end_at_login;
    conn->session = std::make_unique<analyzer::Session>(so);
    conn->context =
        std::make_unique<RuleContext>(*conn->session, options_.profile, id, analysis_.violations);
    conn->context->set_budget(&violation_budget_);
    conn->rules = std::make_unique<RuleSet>(*conn->context);
    conn->rules->attach(*conn->session);
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
    // After a gap the rules start afresh, as on a new connection: what they remembered of the
    // stream before it (an IDLE in progress, a capability seen) may no longer hold.
    it->second->rules->restart();
    if (bytes_missing == 0) return;  // unknown: the capture problem that caused it says why
    analysis_.connections[it->second->summary_index].capture_problems.push_back(
        {capture::CaptureProblemKind::kGap, origin.packet, origin.time, dir, bytes_missing,
         std::to_string(bytes_missing) +
             " bytes are not in the capture; findings resume once the stream is resynchronized "
             "and the connection state is known again"});
  }

  void on_capture_problem(capture::ConnectionId id,
                          const capture::CaptureProblem& problem) override {
    auto it = live_.find(id);
    if (it != live_.end()) {
      analysis_.connections[it->second->summary_index].capture_problems.push_back(problem);
    } else if (id != 0 && first_refused_ && id >= *first_refused_) {
      return;  // a connection past the memory limit: counted in end_input()
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
    if (conn.session->tls() != analyzer::Session::Tls::kNone)
      fill_tls_details(*conn.session, summary);
    if (conn.transcript) summary.transcript = conn.transcript->take();
    if (conn.session->in_flight_overflow()) {
      summary.capture_problems.push_back(
          {capture::CaptureProblemKind::kResourceLimit, 0, std::nullopt, std::nullopt, std::nullopt,
           "more than " + std::to_string(analyzer::Session::kMaxInFlight) +
               " commands were in progress at once: the analysis stopped there, and no "
               "findings are reported after that point"});
    }
    if (const std::uint64_t n = conn.context->not_kept(); n > 0) {
      summary.capture_problems.push_back(
          {capture::CaptureProblemKind::kResourceLimit, 0, std::nullopt, std::nullopt, std::nullopt,
           std::to_string(n) + " more violations were counted but not listed: at most " +
               std::to_string(budget_.violations_per_rule) + " per rule and connection, " +
               std::to_string(budget_.violations) +
               " in all, are kept within the memory limit (--max-memory)"});
    }
    live_.erase(it);  // memory follows open connections, not the input's size
  }

 private:
  const CheckOptions& options_;
  Analysis& analysis_;
  std::size_t input_ = 0;
  std::size_t transcript_budget_ = kTranscriptMessagesTotal;
  MemoryBudget budget_;
  ViolationBudget violation_budget_;
  std::uint64_t not_analyzed_ = 0;  // connections of the current input past budget_.connections
  std::optional<capture::ConnectionId> first_refused_;
  // Looked up for every piece of data; never walked in order.
  std::unordered_map<capture::ConnectionId, std::unique_ptr<LiveConnection>> live_;
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
  // Captures hold many connections at once: their reassembly gets its share of the budget.
  const MemoryBudget budget = MemoryBudget::for_megabytes(options.max_memory_mb);
  capture::CaptureOptions capture = options.capture;
  if (capture.max_live_connections == 0) capture.max_live_connections = budget.live_connections;
  if (capture.max_buffered_total == 0) capture.max_buffered_total = budget.reassembly_bytes;
  PipelineSink sink(options, result.analysis);
  capture::ConnectionId next_id = 1;
  for (const capture::InputSpec& spec : specs) {
    result.analysis.inputs.push_back(InputSummary{
        spec.path, std::string(capture::input_kind_name(spec.kind)), spec.partner_path});
    sink.set_input(result.analysis.inputs.size() - 1);
    if (auto error = capture::read_input(spec, next_id, sink, capture)) {
      result.error = std::move(error);
      return result;
    }
    sink.end_input();
  }
  return result;
}

}  // namespace imapscope::checks

// checks/pipeline.h: PipelineSink for sources fed from outside (the live probe). It is defined
// here, next to check_inputs, so both share one implementation.
namespace imapscope::checks {

struct Pipeline::Impl {
  Impl(const CheckOptions& o, Analysis& analysis, std::size_t input)
      : options(o), sink(options, analysis) {
    sink.set_input(input);
  }
  CheckOptions options;  // PipelineSink keeps a reference
  PipelineSink sink;
};

Pipeline::Pipeline(const CheckOptions& options, Analysis& analysis, std::size_t input)
    : impl_(std::make_unique<Impl>(options, analysis, input)) {}
Pipeline::~Pipeline() = default;
capture::StreamSink& Pipeline::sink() {
  return impl_->sink;
}
void Pipeline::end_input() {
  impl_->sink.end_input();
}

}  // namespace imapscope::checks
