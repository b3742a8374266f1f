// mailbox.uid-changed — RFC 9051 §2.3.1.1: "The combination of mailbox name, UIDVALIDITY, and
// UID must refer to a single, immutable (or expunged) message". Within one selection the
// message at a sequence number keeps its UID until an EXPUNGE renumbers the mailbox.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class MailboxUidChanged final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.uid-changed", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.3.1.1",
                                  "FETCH reports a different UID for the same message"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    const analyzer::SelectedMailbox* mb = session().mailbox();
    const analyzer::MessageRecord* m = mb ? mb->message(r.number) : nullptr;
    if (m == nullptr || m->uid == 0) return;
    const analyzer::FetchData& d = *info.fetch;
    if (!d.uid || *d.uid == m->uid) return;
    ctx().report(kInfo, info,
                 "message " + std::to_string(r.number) + " had UID " + std::to_string(m->uid) +
                     ", now UID " + std::to_string(*d.uid));
  }
};
IMAPSCOPE_RULE(MailboxUidChanged);

}  // namespace
}  // namespace imapscope::checks
