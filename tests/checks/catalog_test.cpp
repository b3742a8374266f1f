#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "checks/rule.h"
#include "tests/support/rule_test.h"

namespace imapscope::checks {
namespace {

TEST(Catalog, EveryRuleHasAFiringAndASilentTest) {
  for (const RuleEntry& e : rule_catalog()) {
    EXPECT_TRUE(testing::rule_has_test(e.info.id, true)) << e.info.id << " has no RULE_FIRES test";
    EXPECT_TRUE(testing::rule_has_test(e.info.id, false))
        << e.info.id << " has no RULE_SILENT test";
  }
}

TEST(Catalog, RuleIdsAreDottedLowercaseAndUnique) {
  const std::regex id_form("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
  std::set<std::string_view> ids;
  for (const RuleEntry& e : rule_catalog()) {
    EXPECT_TRUE(std::regex_match(std::string(e.info.id), id_form)) << e.info.id;
    EXPECT_TRUE(ids.insert(e.info.id).second) << "duplicate id " << e.info.id;
  }
}

TEST(Catalog, EveryRuleCitesAnRfcSectionAndHasASummary) {
  const std::regex cite("RFC [0-9]+ §[0-9]+(\\.[0-9]+)*.*");
  for (const RuleEntry& e : rule_catalog()) {
    EXPECT_TRUE(std::regex_match(std::string(e.info.rfc), cite)) << e.info.id << ": " << e.info.rfc;
    EXPECT_FALSE(e.info.summary.empty()) << e.info.id;
  }
}

TEST(Catalog, HasTheWalkingSkeletonRules) {
  for (const char* id :
       {"tag.syntax", "tag.reused-in-flight", "tag.unknown", "tag.completed-twice",
        "command.never-completed", "greeting.missing", "greeting.malformed",
        "capability.single-response", "capability.no-imap-version", "capability.imap4rev2-missing",
        "logout.bye-missing", "expunge.during-fetch", "expunge.no-command",
        "continuation.unexpected", "state.command-not-allowed", "state.server-accepted",
        "syntax.command", "syntax.response"}) {
    EXPECT_NE(find_rule(id), nullptr) << id;
  }
}

// Every rule stays silent on a correct IMAP4rev2 session.
TEST(Catalog, CorrectSessionHasNoViolations) {
  const Analysis a = testing::analyze_transcript(testing::kCorrectRev2Session, Profile::kImap4rev2);
  for (const Violation& v : a.violations) {
    ADD_FAILURE() << "line " << v.line << " [" << v.rule << "] " << v.message;
  }
  ASSERT_EQ(a.connections.size(), 1u);
  EXPECT_EQ(a.connections[0].final_state, "logout");
  EXPECT_EQ(a.connections[0].commands, 10u);
}

}  // namespace
}  // namespace imapscope::checks
