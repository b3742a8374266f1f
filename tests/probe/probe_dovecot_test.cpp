// `imapscope probe` against a real Dovecot (tests/dovecot/start-dovecot): the suite runs over
// imap:// with STARTTLS and over imaps://, Dovecot passes what it is known to pass, the probe's
// own traffic draws no client-side errors, nothing is left in the maildir, a wrong password
// fails cleanly, and the saved transcript re-checks with `imapscope check`.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/dovecot_server.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

class ProbeDovecot : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<DovecotServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    if (!server_->skip_reason().empty()) GTEST_SKIP() << server_->skip_reason();
    ASSERT_TRUE(server_->failure().empty()) << server_->failure();
    imap_port_ = server_->imap_port();
    imaps_port_ = server_->imaps_port();
  }

  static std::vector<std::string> probe_args(const std::string& url) {
    return {"probe",           url,
            "--cafile",        server_->cafile(),
            "--password-file", server_->password_file(),
            "--timeout",       "10"};
  }

  // Mailboxes left in alice's maildir whose name starts with the probe's prefix.
  static std::vector<std::string> probe_mailboxes_left() {
    return server_->maildir_entries("alice", "imapscope-probe-");
  }

  static inline std::unique_ptr<DovecotServer> server_;
  std::string imap_port_;
  std::string imaps_port_;
};

std::map<std::string, std::string> outcomes(const json& report) {
  std::map<std::string, std::string> out;
  for (const json& s : report.at("probe").at("scenarios"))
    out[s.at("name").get<std::string>()] = s.at("outcome").get<std::string>();
  return out;
}

TEST_F(ProbeDovecot, StarttlsSuiteRunsPassesAndCleansUpInUnderTenSeconds) {
  TempFile report_file("", ".json");
  auto args = probe_args("imap://alice@127.0.0.1:" + imap_port_);
  args.insert(args.end(), {"-f", "json", "-o", report_file.path(), "--fail-on", "never"});
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r = run_imapscope(args);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(seconds.count(), 10.0);
  const json report = json::parse(read_file(report_file.path()));
  const json& probe = report.at("probe");
  EXPECT_EQ(probe.at("target"), "imap://alice@127.0.0.1:" + imap_port_);
  EXPECT_FALSE(probe.at("tls_version").is_null());
  EXPECT_NE(probe.at("tls_subject").get<std::string>().find("localhost"), std::string::npos);
  EXPECT_TRUE(probe.at("aborted").is_null());
  // Dovecot 2.3 is IMAP4rev1 with UIDPLUS, MOVE, IDLE, CONDSTORE, QRESYNC, BINARY, LITERAL+,
  // ID, NAMESPACE, LIST-EXTENDED, SPECIAL-USE (with the special-use mailboxes of
  // tests/dovecot/dovecot.conf.in)...: it passes every scenario of the catalog but
  // list.create-special-use, skipped as it does not offer CREATE-SPECIAL-USE.
  const auto got = outcomes(report);
  for (const char* name : {"greeting.capability",
                           "starttls.capabilities",
                           "login.failure",
                           "capability.after-login",
                           "id.server",
                           "noop",
                           "namespace",
                           "list.patterns",
                           "list.special-use",
                           "subscribe.lsub",
                           "mailbox.create-rename-delete",
                           "mailbox.delete-missing",
                           "mailbox.create-existing",
                           "mailbox.rename-missing",
                           "status.items",
                           "append.sync-literal",
                           "append.literal-plus",
                           "append.flags-date",
                           "append.multipart",
                           "append.trycreate",
                           "select.required-responses",
                           "examine.read-only",
                           "fetch.items",
                           "fetch.binary",
                           "fetch.no-expunge-during-fetch",
                           "store.flags",
                           "search.keys",
                           "uid.uidplus",
                           "copy.messages",
                           "move.messages",
                           "expunge.close-unselect",
                           "idle.unilateral-exists",
                           "idle.unilateral-updates",
                           "enable.condstore",
                           "enable.qresync",
                           "bad-input.commands",
                           "bad-input.long-line",
                           "logout.bye"}) {
    ASSERT_TRUE(got.count(name)) << name << " did not run";
    EXPECT_EQ(got.at(name), "pass") << name;
  }
  ASSERT_TRUE(got.count("list.create-special-use"));
  EXPECT_EQ(got.at("list.create-special-use"), "skipped");
  EXPECT_EQ(probe.at("failed"), 0) << probe.dump(2);
  EXPECT_NE(probe.at("id").get<std::string>().find("Dovecot"), std::string::npos);
  // The probe's own commands draw no error (its deliberate bad input is not held against it).
  for (const json& v : report.at("violations"))
    EXPECT_FALSE(v.at("side") == "client" && v.at("severity") == "error") << v.dump();
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
  // subscribe.lsub unsubscribed its mailbox (DELETE alone leaves the subscription, RFC 9051
  // §6.3.7).
  EXPECT_EQ(read_file(server_->dir() + "/d/mail/alice/subscriptions").find("imapscope-probe-"),
            std::string::npos);
}

TEST_F(ProbeDovecot, ImplicitTlsRunsTheSuite) {
  TempFile report_file("", ".json");
  auto args = probe_args("imaps://alice@127.0.0.1:" + imaps_port_);
  args.insert(args.end(), {"-f", "json", "-o", report_file.path(), "--fail-on", "never",
                           "--scenarios", "greeting,append,fetch,logout"});
  const CommandResult r = run_imapscope(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json report = json::parse(read_file(report_file.path()));
  EXPECT_FALSE(report.at("probe").at("tls_cipher").is_null());
  const auto got = outcomes(report);
  EXPECT_EQ(got.size(), 10u);  // greeting.capability, 5 append.*, 3 fetch.*, logout.bye
  for (const auto& [name, outcome] : got)
    EXPECT_EQ(outcome, "pass") << name;
  EXPECT_EQ(got.count("search.keys"), 0u);
  EXPECT_EQ(probe_mailboxes_left(), std::vector<std::string>{});
}

TEST_F(ProbeDovecot, WrongPasswordFailsCleanly) {
  TempFile password("not-the-password\n");
  const CommandResult r =
      run_imapscope({"probe", "imap://alice@127.0.0.1:" + imap_port_, "--cafile", server_->cafile(),
                     "--password-file", password.path(), "--scenarios", "greeting"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("login as alice failed"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.find("not-the-password"), std::string::npos);
}

TEST_F(ProbeDovecot, UntrustedCertificateIsRefusedUnlessInsecure) {
  // Without --cafile the self-signed certificate does not verify against the system store.
  const std::vector<std::string> base{"probe",           "imaps://alice@127.0.0.1:" + imaps_port_,
                                      "--password-file", server_->password_file(),
                                      "--scenarios",     "greeting"};
  const CommandResult refused = run_imapscope(base);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("TLS handshake"), std::string::npos) << refused.err;
  auto insecure = base;
  insecure.push_back("--insecure");
  const CommandResult accepted = run_imapscope(insecure);
  EXPECT_EQ(accepted.exit_code, 0) << accepted.err;
}

TEST_F(ProbeDovecot, SavedTranscriptRechecksWithTheSameFindings) {
  TempFile transcript("", ".txt");
  TempFile probe_report("", ".json");
  auto args = probe_args("imap://alice@127.0.0.1:" + imap_port_);
  // In cleartext with --auth plain, so that imap-login's pre-login rawlogs show how
  // login.failure tried (below); Dovecot's growing delay after each failed login makes a run
  // of its own for that too slow.
  args.insert(args.end(),
              {"--save-transcript", transcript.path(), "-f", "json", "-o", probe_report.path(),
               "--fail-on", "never", "--starttls", "never", "--auth", "plain", "--scenarios",
               "greeting,login,append,fetch,store,bad-input.commands,logout"});
  ASSERT_EQ(run_imapscope(args).exit_code, 0);
  const std::string text = read_file(transcript.path());
  EXPECT_EQ(text.find("imapscope-test"), std::string::npos) << "the password leaked";
  EXPECT_NE(text.find("C: p"), std::string::npos);
  const CommandResult check = run_imapscope({"check", transcript.path(), "-f", "json"});
  ASSERT_NE(check.exit_code, 2) << check.err;
  const json rechecked = json::parse(check.out);
  const json probed = json::parse(read_file(probe_report.path()));
  // The same server findings at the same lines (the probe's deliberate bad input is the only
  // client-side finding a plain check reports).
  std::multiset<std::pair<std::string, std::uint64_t>> from_probe, from_check;
  for (const json& v : probed.at("violations"))
    if (v.at("connection") == 1 && v.at("side") == "server")
      from_probe.insert({v.at("rule").get<std::string>(), v.at("line").get<std::uint64_t>()});
  for (const json& v : rechecked.at("violations"))
    if (v.at("side") == "server")
      from_check.insert({v.at("rule").get<std::string>(), v.at("line").get<std::uint64_t>()});
  EXPECT_EQ(from_probe, from_check);
  EXPECT_FALSE(from_check.empty());  // at least the IMAP4rev1-only warning at the greeting

  // login.failure logs in the --auth way: AUTHENTICATE PLAIN, not LOGIN.
  EXPECT_EQ(outcomes(probed).at("login.failure"), "pass");
  std::string prelogin;
  const std::string rawlogs = server_->dir() + "/d/run/login/rawlogs";
  for (const std::string& name : DovecotServer::entries(rawlogs, ".in"))
    prelogin += read_file(rawlogs + "/" + name);
  // RFC 4616 §2: base64 of NUL "alice" NUL "imapscope-wrong-password".
  EXPECT_NE(prelogin.find("AUTHENTICATE PLAIN AGFsaWNlAGltYXBzY29wZS13cm9uZy1wYXNzd29yZA=="),
            std::string::npos)
      << prelogin;
  EXPECT_EQ(prelogin.find("imapscope-wrong-password"), std::string::npos) << "LOGIN was used";
}

TEST(ProbeStall, AServerThatNeverGreetsEndsAfterTheTimeout) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 4), 0);  // the kernel completes the handshake; nobody ever writes
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  setenv("IMAPSCOPE_PASSWORD", "x", 1);
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r =
      run_imapscope({"probe", "imap://alice@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)),
                     "--timeout", "1"});
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  close(fd);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("timed out after 1 s"), std::string::npos) << r.err;
  EXPECT_LT(seconds.count(), 5.0);
}

}  // namespace
}  // namespace imapscope::testing
