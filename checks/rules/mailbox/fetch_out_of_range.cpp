// mailbox.fetch-out-of-range — RFC 9051 §7.5.2 and §2.3.1.2: a FETCH response carries a
// message sequence number, which ranges "from 1 to the number of messages in the mailbox".
#include "checks/rule.h"
#include "checks/rules/mailbox/sequence_out_of_range.h"

namespace imapscope::checks {
namespace {

class MailboxFetchOutOfRange final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.fetch-out-of-range", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.5.2, §2.3.1.2",
                                  "FETCH response for message 0 or a number beyond EXISTS"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    if (auto problem = sequence_problem(session(), r.number)) {
      ctx().report(kInfo, info, "FETCH response for " + *problem);
    }
  }
};
IMAPSCOPE_RULE(MailboxFetchOutOfRange);

}  // namespace
}  // namespace imapscope::checks
