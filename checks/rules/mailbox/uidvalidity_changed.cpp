// mailbox.uidvalidity-changed — RFC 9051 §2.3.1.1: UIDs are only meaningful with their
// UIDVALIDITY, which is "sent in a UIDVALIDITY response code in an OK untagged response at
// mailbox selection time"; a different value within the same selection invalidates every UID
// the client holds without a reselect.
#include "analyzer/message_data.h"
#include "analyzer/typed/response_code.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class MailboxUidvalidityChanged final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.uidvalidity-changed", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.3.1.1",
                                  "UIDVALIDITY changes within one selection of a mailbox"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOk};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    check(r, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* /*cmd*/,
                     const analyzer::MessageInfo& info) override {
    check(r, info);
  }

 private:
  void check(const analyzer::Response& r, const analyzer::MessageInfo& info) {
    if (!r.code || !analyzer::iequals(r.code->name, "UIDVALIDITY")) return;
    if (r.status != analyzer::Status::kOk) return;
    const analyzer::SelectedMailbox* mb = session().mailbox();
    const auto code = analyzer::typed::read_response_code(*r.code);
    const auto value = code ? code->number : std::nullopt;
    if (mb == nullptr || !mb->uidvalidity() || !value || *value == *mb->uidvalidity()) return;
    ctx().report(kInfo, info,
                 "UIDVALIDITY " + std::to_string(*value) + " after " +
                     std::to_string(*mb->uidvalidity()) + " in the same selection of '" +
                     mb->name() + "'");
  }
};
IMAPSCOPE_RULE(MailboxUidvalidityChanged);

}  // namespace
}  // namespace imapscope::checks
