// mailbox.uid-at-or-above-uidnext — RFC 9051 §2.3.1.1: UIDNEXT is "the next unique identifier
// value": messages arriving later get a UID at or above it. A message that was already in the
// mailbox when the selection completed therefore has a UID below the UIDNEXT given then.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class MailboxUidAtOrAboveUidnext final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.uid-at-or-above-uidnext", Severity::kError,
                                  Side::kServer, "RFC 9051 §2.3.1.1",
                                  "a message present at selection has a UID at or above the "
                                  "UIDNEXT announced then"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    const analyzer::SelectedMailbox* mb = session().mailbox();
    const analyzer::MessageRecord* m = mb ? mb->message(r.number) : nullptr;
    if (m == nullptr || !m->at_select || !mb->uidnext_at_select()) return;
    const analyzer::FetchData& d = *info.fetch;
    if (!d.uid || *d.uid < *mb->uidnext_at_select()) return;
    ctx().report(kInfo, info,
                 "message " + std::to_string(r.number) + " was in the mailbox at selection but " +
                     "has UID " + std::to_string(*d.uid) + ", not below UIDNEXT " +
                     std::to_string(*mb->uidnext_at_select()));
  }
};
IMAPSCOPE_RULE(MailboxUidAtOrAboveUidnext);

}  // namespace
}  // namespace imapscope::checks
