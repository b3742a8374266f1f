// The probe against a deliberately broken server: tests/probe/fault_proxy.cpp relays to a real
// Dovecot and injects one fault. Each fault must be reported by the rule that names it, a
// stalling or flooding server must end the run within its timeouts, and the probe's mailbox
// must be gone afterwards even then.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "tests/support/dovecot_server.h"
#include "tests/support/run_bounded.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

// One imapscope_fault_proxy process in front of the test's Dovecot.
class FaultProxy {
 public:
  FaultProxy(const std::string& upstream_port, const std::string& fault) {
    port_file_ = std::filesystem::temp_directory_path() /
                 ("imapscope-fault-proxy-" + std::to_string(getpid()) + "-" + fault);
    std::filesystem::remove(port_file_);
    pid_ = fork();
    if (pid_ == 0) {
      execl(IMAPSCOPE_FAULT_PROXY, IMAPSCOPE_FAULT_PROXY, "--upstream",
            ("127.0.0.1:" + upstream_port).c_str(), "--fault", fault.c_str(), "--port-file",
            port_file_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !std::filesystem::exists(port_file_); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (std::filesystem::exists(port_file_)) {
      port_ = read_file(port_file_.string());
      while (!port_.empty() && (port_.back() == '\n' || port_.back() == '\r'))
        port_.pop_back();
    }
  }
  ~FaultProxy() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove(port_file_);
  }
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  const std::string& port() const { return port_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path port_file_;
  std::string port_;
};

class ProbeFaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<DovecotServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    if (!server_->skip_reason().empty()) GTEST_SKIP() << server_->skip_reason();
    ASSERT_TRUE(server_->failure().empty()) << server_->failure();
  }

  struct Outcome {
    BoundedResult run;
    json report;
    std::set<std::string> rules;                         // rules with at least one violation
    std::map<std::string, std::string> scenarios;        // name → outcome
    std::map<std::string, std::string> scenario_detail;  // name → the whole scenario as JSON
  };

  // Probes through a proxy injecting `fault`, over cleartext (the proxy must see the
  // responses to change them), with a short per-command timeout.
  // The scenarios the faults show in. Not login.failure: after a failed login Dovecot delays
  // the next one from the same address, which would make the next test time out.
  static constexpr const char* kScenarios =
      "greeting,noop,append.sync-literal,select,fetch,store,search,uid,expunge,logout";

  static Outcome probe_through(const std::string& fault,
                               const std::string& scenarios = kScenarios) {
    Outcome o;
    FaultProxy proxy(server_->imap_port(), fault);
    EXPECT_FALSE(proxy.port().empty()) << "the fault proxy did not start";
    if (proxy.port().empty()) return o;
    TempFile report("", ".json");
    std::vector<std::string> args{"probe",
                                  "imap://alice@127.0.0.1:" + proxy.port(),
                                  "--starttls",
                                  "never",
                                  "--password-file",
                                  server_->password_file(),
                                  "--timeout",
                                  "3",
                                  "-f",
                                  "json",
                                  "-o",
                                  report.path(),
                                  "--fail-on",
                                  "never"};
    args.insert(args.end(), {"--scenarios", scenarios});
    o.run = run_imapscope_bounded(args, std::chrono::seconds(90));
    const std::string text = read_file(report.path());
    if (text.empty()) return o;
    o.report = json::parse(text);
    for (const json& v : o.report.at("violations"))
      o.rules.insert(v.at("rule").get<std::string>());
    for (const json& s : o.report.at("probe").at("scenarios")) {
      o.scenarios[s.at("name").get<std::string>()] = s.at("outcome").get<std::string>();
      o.scenario_detail[s.at("name").get<std::string>()] = s.dump();
    }
    return o;
  }

  static std::vector<std::string> probe_mailboxes_left() {
    return server_->maildir_entries("alice", "imapscope-probe-");
  }

  static inline std::unique_ptr<DovecotServer> server_;
};

// The proxy itself changes nothing: through it, Dovecot passes and none of the fault rules
// fire, so what the other tests see comes from the injected fault.
TEST_F(ProbeFaults, WithoutAFaultTheSuitePassesThroughTheProxy) {
  const Outcome o = probe_through("none");
  ASSERT_FALSE(o.run.timed_out);
  ASSERT_EQ(o.run.exit_code, 0) << o.run.err;
  EXPECT_EQ(o.report.at("probe").at("failed"), 0) << o.report.at("probe").dump(2);
  for (const char* rule :
       {"expunge.during-fetch", "logout.bye-missing", "mailbox.uid-at-or-above-uidnext"})
    EXPECT_EQ(o.rules.count(rule), 0u) << rule;
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

TEST_F(ProbeFaults, ExpungeDuringFetchIsReported) {
  const Outcome o = probe_through("expunge-during-fetch");
  ASSERT_FALSE(o.run.timed_out);
  EXPECT_EQ(o.rules.count("expunge.during-fetch"), 1u) << o.run.out << o.run.err;
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

TEST_F(ProbeFaults, MissingByeIsReportedAndFailsTheLogoutScenario) {
  const Outcome o = probe_through("missing-bye");
  ASSERT_FALSE(o.run.timed_out);
  EXPECT_EQ(o.rules.count("logout.bye-missing"), 1u) << o.run.err;
  ASSERT_EQ(o.scenarios.count("logout.bye"), 1u);
  EXPECT_EQ(o.scenarios.at("logout.bye"), "fail");
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

// Every FETCH claims UID + 1000: a message that was there at SELECT cannot have a UID at or
// above the UIDNEXT the SELECT announced (RFC 9051 §2.3.1.1).
TEST_F(ProbeFaults, WrongUidIsReported) {
  const Outcome o = probe_through("wrong-uid");
  ASSERT_FALSE(o.run.timed_out);
  EXPECT_EQ(o.rules.count("mailbox.uid-at-or-above-uidnext"), 1u)
      << o.report.at("violations").dump(1);
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

// A server that stops answering after SELECT: the scenario ends after --timeout with a clear
// message, the run ends, and the probe reconnects to remove its mailbox.
TEST_F(ProbeFaults, StallEndsWithATimeoutAndStillCleansUp) {
  const Outcome o = probe_through("stall");
  ASSERT_FALSE(o.run.timed_out) << "the probe hung on a stalled server";
  EXPECT_LT(o.run.seconds, 60.0);
  ASSERT_FALSE(o.report.is_null()) << o.run.err;
  EXPECT_GT(o.report.at("probe").at("failed").get<int>(), 0) << o.report.at("probe").dump(2);
  bool timed_out = o.run.err.find("timed out") != std::string::npos;
  for (const auto& [name, detail] : o.scenario_detail)
    timed_out = timed_out || detail.find("timed out") != std::string::npos;
  timed_out = timed_out || o.report.at("probe").dump().find("timed out") != std::string::npos;
  EXPECT_TRUE(timed_out) << o.report.at("probe").dump(2);
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

// A server that stays quiet during IDLE fails the two IDLE scenarios but not the connection:
// the probe ends IDLE with DONE, the suite goes on to LOGOUT, and the server is not blamed for
// an IDLE left without its tagged OK (the probe's giving up, not the server's fault).
TEST_F(ProbeFaults, QuietIdleFailsTheIdleScenariosAndTheSuiteGoesOn) {
  const Outcome o = probe_through("quiet-idle", "idle,noop,logout");
  ASSERT_FALSE(o.run.timed_out) << "the probe hung on a quiet IDLE";
  ASSERT_FALSE(o.report.is_null()) << o.run.err;
  const json& probe = o.report.at("probe");
  EXPECT_TRUE(probe.at("aborted").is_null()) << probe.dump(2);
  ASSERT_EQ(o.scenarios.count("idle.unilateral-exists"), 1u);
  EXPECT_EQ(o.scenarios.at("idle.unilateral-exists"), "fail");
  EXPECT_NE(o.scenario_detail.at("idle.unilateral-exists").find("none came"), std::string::npos)
      << o.scenario_detail.at("idle.unilateral-exists");
  ASSERT_EQ(o.scenarios.count("idle.unilateral-updates"), 1u);
  EXPECT_EQ(o.scenarios.at("idle.unilateral-updates"), "fail");
  EXPECT_NE(o.scenario_detail.at("idle.unilateral-updates").find("came during IDLE"),
            std::string::npos)
      << o.scenario_detail.at("idle.unilateral-updates");
  ASSERT_EQ(o.scenarios.count("logout.bye"), 1u);
  EXPECT_EQ(o.scenarios.at("logout.bye"), "pass");
  EXPECT_EQ(o.rules.count("command.never-completed"), 0u) << o.report.at("violations").dump(2);
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

// A server that greets with PREAUTH (here the proxy, logged in upstream): the connection is
// authenticated already, so STARTTLS is not asked of its capabilities (RFC 9051 §6.2), the
// failed login is skipped rather than attempted in the authenticated state, and the probe's
// own commands draw no state.command-not-allowed.
TEST_F(ProbeFaults, PreauthGreetingNeedsNoLogin) {
  const Outcome o = probe_through("preauth", "greeting,noop,append.sync-literal,login,logout");
  ASSERT_FALSE(o.run.timed_out);
  ASSERT_FALSE(o.report.is_null()) << o.run.err;
  const json& probe = o.report.at("probe");
  EXPECT_EQ(probe.at("failed"), 0) << probe.dump(2);
  for (const char* name : {"greeting.capability", "noop", "append.sync-literal", "logout.bye"}) {
    ASSERT_EQ(o.scenarios.count(name), 1u) << name;
    EXPECT_EQ(o.scenarios.at(name), "pass") << name;
  }
  ASSERT_EQ(o.scenarios.count("login.failure"), 1u);
  EXPECT_EQ(o.scenarios.at("login.failure"), "skipped");
  EXPECT_NE(o.scenario_detail.at("login.failure").find("PREAUTH"), std::string::npos);
  EXPECT_EQ(o.rules.count("state.command-not-allowed"), 0u) << o.report.at("violations").dump(2);
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

// A connection that stalls right after SUBSCRIBE (which the server carried out): the probe
// reconnects and removes the subscription with its mailbox (RFC 9051 §6.3.7: DELETE alone
// leaves a subscription behind).
TEST_F(ProbeFaults, StallAfterSubscribeStillUnsubscribes) {
  const Outcome o = probe_through("stall-after-subscribe", "subscribe");
  ASSERT_FALSE(o.run.timed_out) << "the probe hung on a stalled server";
  ASSERT_FALSE(o.report.is_null()) << o.run.err;
  ASSERT_EQ(o.scenarios.count("subscribe.lsub"), 1u);
  EXPECT_EQ(o.scenarios.at("subscribe.lsub"), "fail");
  EXPECT_EQ(o.scenarios.count("probe.cleanup"), 0u) << o.report.at("probe").dump(2);
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
  const std::string subscriptions = read_file(server_->dir() + "/d/mail/alice/subscriptions");
  EXPECT_EQ(subscriptions.find("imapscope-probe-"), std::string::npos) << subscriptions;
}

// A server that answers SELECT with an endless line: the read bound ends it, memory stays
// bounded, and the mailbox is still removed.
TEST_F(ProbeFaults, FloodIsBoundedAndStillCleansUp) {
  const Outcome o = probe_through("flood");
  ASSERT_FALSE(o.run.timed_out) << "the probe did not stop reading a flood";
  EXPECT_LT(o.run.seconds, 60.0);
  ASSERT_FALSE(o.report.is_null()) << o.run.err;
  EXPECT_GT(o.report.at("probe").at("failed").get<int>(), 0) << o.report.at("probe").dump(2);
  EXPECT_LT(o.run.peak_rss_kb, 512L * 1024) << "peak RSS " << o.run.peak_rss_kb << " KiB";
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

}  // namespace
}  // namespace imapscope::testing
