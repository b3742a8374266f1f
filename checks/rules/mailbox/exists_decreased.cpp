// mailbox.exists-decreased — RFC 9051 §5.2: "it is NOT permitted to send an EXISTS response
// that would reduce the number of messages in the mailbox; only the EXPUNGE response can do
// this." (RFC 3501 §5.2 likewise.)
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class MailboxExistsDecreased final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.exists-decreased", Severity::kError, Side::kServer,
                                  "RFC 9051 §5.2",
                                  "EXISTS reports fewer messages than the mailbox had"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExists};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber || r.name != "EXISTS") return;
    const analyzer::SelectedMailbox* mb = session().mailbox();
    if (mb == nullptr || !mb->exists_known() || r.number >= mb->exists()) return;
    ctx().report(kInfo, info,
                 std::to_string(r.number) + " EXISTS after the mailbox had " +
                     std::to_string(mb->exists()) + " messages; only EXPUNGE may lower the count");
  }
};
IMAPSCOPE_RULE(MailboxExistsDecreased);

}  // namespace
}  // namespace imapscope::checks
