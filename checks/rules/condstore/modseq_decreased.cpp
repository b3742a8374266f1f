// condstore.modseq-decreased — RFC 7162 §3.1: a message's mod-sequence is "updated by the
// server whenever a metadata item is modified", and for two STORE operations "the
// mod-sequence of the second completed operation MUST be greater than the mod-sequence of the
// first". A message's MODSEQ going down means an update the client will never see as newer.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class CondstoreModseqDecreased final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"condstore.modseq-decreased", Severity::kError, Side::kServer,
                                  "RFC 7162 §3.1",
                                  "a message's MODSEQ is lower than one reported before"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    const analyzer::SelectedMailbox* mb = session().mailbox();
    const analyzer::MessageRecord* m = mb ? mb->message(r.number) : nullptr;
    if (m == nullptr || m->modseq == 0) return;
    const analyzer::FetchData& d = *info.fetch;
    if (!d.modseq || *d.modseq >= m->modseq) return;
    ctx().report(kInfo, info,
                 "message " + std::to_string(r.number) + " has MODSEQ " +
                     std::to_string(*d.modseq) + " after " + std::to_string(m->modseq));
  }
};
IMAPSCOPE_RULE(CondstoreModseqDecreased);

}  // namespace
}  // namespace imapscope::checks
