// mailbox.expunge-out-of-range — RFC 9051 §7.5.1 and §2.3.1.2: EXPUNGE names a message sequence
// number, and "Message sequence numbers ... range from 1 to the number of messages in the
// mailbox" (nz-number in §9).
#include "checks/rule.h"
#include "checks/rules/mailbox/sequence_out_of_range.h"

namespace imapscope::checks {
namespace {

class MailboxExpungeOutOfRange final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.expunge-out-of-range", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.5.1, §2.3.1.2",
                                  "EXPUNGE of message 0 or of a number beyond EXISTS"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExpunge};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber || r.name != "EXPUNGE") return;
    if (auto problem = sequence_problem(session(), r.number)) {
      ctx().report(kInfo, info, "EXPUNGE of " + *problem);
    }
  }
};
IMAPSCOPE_RULE(MailboxExpungeOutOfRange);

}  // namespace
}  // namespace imapscope::checks
