// `imapscope probe` against a Dovecot whose personal namespace is "INBOX." (as Cyrus's and
// Courier's are): a CREATE at the top level is refused there, so the probe makes its mailbox
// under the prefix NAMESPACE gives (RFC 2342 §4), runs its scenarios in it and removes it.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "tests/support/dovecot_server.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

class ProbeNamespacePrefix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<DovecotServer>("INBOX."); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    if (!server_->skip_reason().empty()) GTEST_SKIP() << server_->skip_reason();
    ASSERT_TRUE(server_->failure().empty()) << server_->failure();
  }

  static inline std::unique_ptr<DovecotServer> server_;
};

TEST_F(ProbeNamespacePrefix, MailboxIsMadeUnderThePersonalPrefix) {
  TempFile report_file("", ".json");
  TempFile transcript("", ".txt");
  const CommandResult r = run_imapscope(
      {"probe", "imap://alice@127.0.0.1:" + server_->imap_port(), "--cafile", server_->cafile(),
       "--password-file", server_->password_file(), "--timeout", "10", "-f", "json", "-o",
       report_file.path(), "--fail-on", "never", "--save-transcript", transcript.path(),
       "--scenarios",
       "namespace,list,subscribe,mailbox,status,append,select,examine,fetch.items,store,copy,"
       "move,expunge,logout"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json report = json::parse(read_file(report_file.path()));
  const json& probe = report.at("probe");
  EXPECT_TRUE(probe.at("aborted").is_null());
  std::map<std::string, std::string> outcomes;
  for (const json& s : probe.at("scenarios"))
    outcomes[s.at("name").get<std::string>()] = s.at("outcome").get<std::string>();
  for (const char* name : {"namespace", "list.patterns", "subscribe.lsub",
                           "mailbox.create-rename-delete", "append.sync-literal", "store.flags",
                           "move.messages", "expunge.close-unselect", "logout.bye"}) {
    ASSERT_TRUE(outcomes.count(name)) << name << " did not run";
    EXPECT_EQ(outcomes.at(name), "pass") << name;
  }
  EXPECT_EQ(probe.at("failed"), 0) << probe.dump(2);
  const std::string text = read_file(transcript.path());
  EXPECT_NE(text.find("CREATE \"INBOX.imapscope-probe-"), std::string::npos);
  // Maildir++ keeps INBOX.x as the directory .x: nothing of the probe's is left.
  EXPECT_EQ(server_->maildir_entries("alice", "imapscope-probe-"), std::vector<std::string>{});
}

}  // namespace
}  // namespace imapscope::testing
