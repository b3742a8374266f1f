// fetch.size-mismatch — RFC 9051 §2.3.4: RFC822.SIZE "is the number of octets in the message
// when the message is expressed in [RFC5322] format. This size SHOULD match the result of a
// "FETCH BODY[]" command." Compared within one FETCH response and against the size reported
// earlier for the same message.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class FetchSizeMismatch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"fetch.size-mismatch", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §2.3.4",
                                  "RFC822.SIZE differs from the length of BODY[]"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    const analyzer::FetchData& d = *info.fetch;
    if (!d.body_size) return;
    std::optional<std::uint64_t> size = d.rfc822_size;
    if (!size) {
      const analyzer::SelectedMailbox* mb = session().mailbox();
      const analyzer::MessageRecord* m = mb ? mb->message(r.number) : nullptr;
      if (m != nullptr && m->size != 0) size = m->size - 1;
    }
    if (!size || *size == *d.body_size) return;
    ctx().report(kInfo, info,
                 "message " + std::to_string(r.number) + " has RFC822.SIZE " +
                     std::to_string(*size) + " but its BODY[] is " + std::to_string(*d.body_size) +
                     " octets");
  }
};
IMAPSCOPE_RULE(FetchSizeMismatch);

}  // namespace
}  // namespace imapscope::checks
