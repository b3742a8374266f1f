// mailbox.uidnext-decreased — RFC 9051 §2.3.1.1: "the next unique identifier value MUST NOT
// change unless new messages are added to the mailbox". Adding messages only raises it, so a
// lower UIDNEXT within one selection breaks the rule.
#include "analyzer/message_data.h"
#include "analyzer/typed/response_code.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class MailboxUidnextDecreased final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.uidnext-decreased", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.3.1.1",
                                  "UIDNEXT decreases within one selection of a mailbox"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOk};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.status != analyzer::Status::kOk || !r.code ||
        !analyzer::iequals(r.code->name, "UIDNEXT")) {
      return;
    }
    const analyzer::SelectedMailbox* mb = session().mailbox();
    const auto code = analyzer::typed::read_response_code(*r.code);
    const auto value = code ? code->number : std::nullopt;
    if (mb == nullptr || !mb->uidnext() || !value || *value >= *mb->uidnext()) return;
    ctx().report(kInfo, info,
                 "UIDNEXT " + std::to_string(*value) + " after " + std::to_string(*mb->uidnext()));
  }
};
IMAPSCOPE_RULE(MailboxUidnextDecreased);

}  // namespace
}  // namespace imapscope::checks
