// Real servers other than the test Dovecot, each captured running Python imaplib's broad
// session (scripts/wide-session.py): what each breaks is reported, and nothing else.
//
// samples/courier/wide.pcap (scripts/record-courier-sample): Courier-IMAP lists no CONDSTORE,
// keeps mailboxes under "INBOX.", quotes header field names in FETCH. It sends no OK [UIDNEXT]
// on SELECT/EXAMINE (RFC 3501 §6.3.1) and a QUOTA response without its resource list (RFC 9208
// §4.2.1, §7); no CONDSTORE finding follows the STATUS (HIGHESTMODSEQ) it answered OK while
// ignoring the item.
//
// samples/cyrus/wide.pcap (scripts/record-cyrus-sample): Cyrus IMAP 3.6 with Debian's settings
// offers CONDSTORE and QRESYNC. After the client's FETCH (MODSEQ), a CONDSTORE enabling
// command, its untagged FETCH responses to STORE carry MODSEQ but no UID: RFC 7162 §3.2.4
// ("Once a CONDSTORE enabling command is issued by the client, the server MUST automatically
// include both UID and mod-sequence data in all subsequent untagged FETCH responses") taken at
// its word, as Dovecot 2.3 also reads it only once QRESYNC is enabled.

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "checks/checker.h"

namespace imapscope::testing {
namespace {

// The analysis of samples/`sample`, checked to hold one whole session of `commands` commands
// reassembled without a capture problem.
checks::Analysis one_session(const std::string& sample, std::uint64_t commands) {
  checks::CheckResult r =
      checks::check_inputs({std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/" + sample}, {});
  EXPECT_FALSE(r.error) << (r.error ? r.error->to_string() : "");
  EXPECT_EQ(r.analysis.connections.size(), 1u);
  for (const checks::ConnectionSummary& c : r.analysis.connections) {
    EXPECT_EQ(c.final_state, "logout");
    EXPECT_EQ(c.commands, commands);
    EXPECT_TRUE(c.capture_problems.empty());
  }
  return std::move(r.analysis);
}

TEST(CourierSample, OnlyWhatCourierBreaksIsReported) {
  const checks::Analysis a = one_session("courier/wide.pcap", 52);
  std::map<std::string, int> errors, warnings;
  for (const checks::Violation& v : a.violations) {
    if (v.severity == checks::Severity::kError) ++errors[v.rule];
    if (v.severity == checks::Severity::kWarning) ++warnings[v.rule];
    EXPECT_FALSE(v.rule.starts_with("condstore.") || v.rule.starts_with("qresync."))
        << v.rule << ": " << v.message;
    if (v.rule == "syntax.response") {
      EXPECT_TRUE(v.excerpt.starts_with("* QUOTA ")) << v.excerpt;
    }
  }
  EXPECT_EQ(errors,
            (std::map<std::string, int>{{"select.uidnext-missing", 3}, {"syntax.response", 1}}));
  EXPECT_EQ(warnings, (std::map<std::string, int>{{"capability.imap4rev2-missing", 1}}));
}

TEST(CyrusSample, OnlyWhatCyrusBreaksIsReported) {
  const checks::Analysis a = one_session("cyrus/wide.pcap", 53);
  std::map<std::string, int> by_rule;
  for (const checks::Violation& v : a.violations) {
    ++by_rule[v.rule];
    if (v.rule == "qresync.fetch-uid-missing") {
      EXPECT_TRUE(v.excerpt.find("MODSEQ") != std::string::npos) << v.excerpt;
    }
  }
  EXPECT_EQ(by_rule, (std::map<std::string, int>{{"capability.imap4rev2-missing", 1},
                                                 {"login.cleartext", 1},
                                                 {"qresync.fetch-uid-missing", 3}}));
}

}  // namespace
}  // namespace imapscope::testing
