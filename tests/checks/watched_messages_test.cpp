// Rules declare the commands and responses they act on (SessionObserver::watched_commands,
// watched_untagged, watched_completions) so that the session calls each rule only for those,
// and the session calls a rule only for the events its class handles (events_handled, in the
// plan of checks/rule_set.h). A declaration that left out a message a rule acts on would
// silently lose findings; this test replays every sample twice, once dispatched as the checker
// does and once with each rule behind a proxy that declares nothing (so the rule sees every
// event and message), and requires the same violations.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "analyzer/session.h"
#include "capture/input.h"
#include "checks/rule.h"
#include "checks/rule_set.h"

namespace imapscope::testing {
namespace {

// Hands every event to `rule`, declaring nothing: the session calls it for every message.
class Unfiltered final : public analyzer::SessionObserver {
 public:
  explicit Unfiltered(analyzer::SessionObserver& rule) : rule_(rule) {}
  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* e,
                   const analyzer::MessageInfo& info) override {
    rule_.on_greeting(r, e, info);
  }
  void on_command(const analyzer::Command& c, const analyzer::MessageInfo& info) override {
    rule_.on_command(c, info);
  }
  void on_literal_announced(const analyzer::Literal& l,
                            const analyzer::MessageInfo& info) override {
    rule_.on_literal_announced(l, info);
  }
  void on_client_literal_data(const analyzer::Literal& l, bool continued,
                              const analyzer::MessageInfo& info) override {
    rule_.on_client_literal_data(l, continued, info);
  }
  void on_exchange_line(const analyzer::InFlightCommand* c,
                        const analyzer::MessageInfo& info) override {
    rule_.on_exchange_line(c, info);
  }
  void on_continuation(const analyzer::Response& r, analyzer::ContinuationTarget t,
                       const analyzer::MessageInfo& info) override {
    rule_.on_continuation(r, t, info);
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    rule_.on_untagged(r, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* c,
                     const analyzer::MessageInfo& info) override {
    rule_.on_completion(r, c, info);
  }
  void on_syntax_error(const analyzer::SyntaxError& e, const analyzer::MessageInfo& info) override {
    rule_.on_syntax_error(e, info);
  }
  void on_stream_end() override { rule_.on_stream_end(); }

 private:
  analyzer::SessionObserver& rule_;
};

// Replays each connection through a session and every rule of the catalog, as the checker does
// (rules start afresh after a gap), into `violations`.
class Replay final : public capture::StreamSink {
 public:
  explicit Replay(bool filtered) : filtered_(filtered) {}

  void on_connection_begin(capture::ConnectionId id, const capture::ConnectionMeta& meta) override {
    auto c = std::make_unique<Connection>();
    analyzer::SessionOptions options;
    options.may_start_after_login = meta.may_start_after_login;
    options.may_end_at_login = meta.may_end_at_login;
    c->session = std::make_unique<analyzer::Session>(options);
    c->context =
        std::make_unique<checks::RuleContext>(*c->session, checks::Profile::kAuto, id, violations);
    add_rules(*c);
    live_[id] = std::move(c);
  }
  void on_data(capture::ConnectionId id, capture::Direction dir, std::string_view bytes,
               const capture::Origin& origin) override {
    live_.at(id)->session->feed(dir, bytes, origin);
  }
  void on_gap(capture::ConnectionId id, capture::Direction dir, std::uint64_t bytes_missing,
              const capture::Origin& /*origin*/) override {
    Connection& c = *live_.at(id);
    c.session->on_gap(dir, bytes_missing);
    c.rules->restart();
  }
  void on_connection_end(capture::ConnectionId id) override {
    live_.at(id)->session->finish();
    live_.erase(id);
  }

  std::vector<checks::Violation> violations;

 private:
  struct Connection {
    std::unique_ptr<analyzer::Session> session;
    std::unique_ptr<checks::RuleContext> context;
    std::unique_ptr<checks::RuleSet> rules;
    std::vector<std::unique_ptr<Unfiltered>> observers;
  };

  // Filtered, the rules are dispatched as the checker does, through the plan of their
  // declarations; unfiltered, each behind a proxy that the session calls for every message.
  void add_rules(Connection& c) const {
    c.rules = std::make_unique<checks::RuleSet>(*c.context);
    if (filtered_) {
      c.rules->attach(*c.session);
      return;
    }
    for (std::size_t i = 0; i < c.rules->size(); ++i) {
      c.observers.push_back(std::make_unique<Unfiltered>((*c.rules)[i]));
      c.session->add_observer(c.observers.back().get());
    }
  }

  bool filtered_;
  std::map<capture::ConnectionId, std::unique_ptr<Connection>> live_;
};

std::vector<std::string> replay(const std::string& path, bool filtered) {
  auto identified = capture::identify_input(path);
  const auto* spec = std::get_if<capture::InputSpec>(&identified);
  if (spec == nullptr) return {"not an input"};
  Replay sink(filtered);
  capture::ConnectionId next_id = 1;
  if (capture::read_input(*spec, next_id, sink, {})) return {"unreadable"};
  std::vector<std::string> out;
  for (const checks::Violation& v : sink.violations) {
    out.push_back(std::to_string(v.connection) + " " + v.rule + " line " + std::to_string(v.line) +
                  " packet " + std::to_string(v.packet) + ": " + v.message);
  }
  return out;
}

TEST(WatchedMessages, EverySampleGivesTheSameViolationsAsRulesThatWatchEverything) {
  std::size_t inputs = 0;
  std::size_t violations = 0;
  for (const auto& dir : {"samples/dovecot", "samples/rfc", "samples/violations"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(IMAPSCOPE_SOURCE_DIR) / dir)) {
      const std::string path = entry.path().string();
      const std::vector<std::string> filtered = replay(path, true);
      EXPECT_EQ(filtered, replay(path, false)) << path;
      ++inputs;
      violations += filtered.size();
    }
  }
  EXPECT_GT(inputs, 50u);
  EXPECT_GT(violations, 50u);  // the samples make many rules fire: the comparison means something
}

}  // namespace
}  // namespace imapscope::testing
