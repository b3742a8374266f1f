// samples/courier/wide.pcap: Python imaplib's broad session (scripts/wide-session.py) against a
// real Courier-IMAP (scripts/record-courier-sample), a server unlike the test Dovecot: it lists
// no CONDSTORE, keeps mailboxes under "INBOX.", quotes header field names in FETCH. What it
// breaks is reported — no OK [UIDNEXT] on SELECT/EXAMINE (RFC 3501 §6.3.1), a QUOTA response
// without its resource list (RFC 9208 §4.2.1, §7) — and nothing else: in particular no CONDSTORE
// finding after the STATUS (HIGHESTMODSEQ) it answered OK while ignoring the item.

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "checks/checker.h"

namespace imapscope::testing {
namespace {

TEST(CourierSample, OnlyWhatCourierBreaksIsReported) {
  const checks::CheckResult r =
      checks::check_inputs({std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/courier/wide.pcap"}, {});
  ASSERT_FALSE(r.error) << r.error->to_string();
  ASSERT_EQ(r.analysis.connections.size(), 1u);
  const checks::ConnectionSummary& c = r.analysis.connections[0];
  EXPECT_EQ(c.final_state, "logout");
  EXPECT_EQ(c.commands, 52u);
  EXPECT_TRUE(c.capture_problems.empty());

  std::map<std::string, int> errors, warnings;
  for (const checks::Violation& v : r.analysis.violations) {
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

}  // namespace
}  // namespace imapscope::testing
