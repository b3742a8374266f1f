// mailbox.uid-not-ascending — RFC 9051 §2.3.1.1: "Unique identifiers MUST be strictly
// ascending in the mailbox at all times." A UID not above the UID of an earlier message (or
// not below that of a later one) breaks that order.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

// How far to look for the nearest message whose UID is known, so that a FETCH costs a
// bounded amount of work in a huge mailbox.
constexpr std::uint32_t kSearchWindow = 1024;

class MailboxUidNotAscending final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.uid-not-ascending", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.3.1.1",
                                  "UIDs do not ascend with message sequence numbers"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    const analyzer::SelectedMailbox* mb = session().mailbox();
    if (mb == nullptr || mb->message(r.number) == nullptr) return;
    const analyzer::FetchData& d = *info.fetch;
    if (!d.uid) return;
    const std::uint32_t n = r.number;
    if (const std::uint32_t before = mb->nearest_known_uid(n, false, kSearchWindow); before != 0) {
      const std::uint32_t uid = mb->message(before)->uid;
      if (uid >= *d.uid) report(info, n, *d.uid, before, uid);
    }
    if (const std::uint32_t after = mb->nearest_known_uid(n, true, kSearchWindow); after != 0) {
      const std::uint32_t uid = mb->message(after)->uid;
      if (uid <= *d.uid) report(info, n, *d.uid, after, uid);
    }
  }

 private:
  void report(const analyzer::MessageInfo& info, std::uint32_t n, std::uint32_t uid,
              std::uint32_t other, std::uint32_t other_uid) {
    ctx().report(kInfo, info,
                 "message " + std::to_string(n) + " has UID " + std::to_string(uid) +
                     " but message " + std::to_string(other) + " has UID " +
                     std::to_string(other_uid));
  }
};
IMAPSCOPE_RULE(MailboxUidNotAscending);

}  // namespace
}  // namespace imapscope::checks
