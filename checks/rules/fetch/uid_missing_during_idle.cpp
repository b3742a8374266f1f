// fetch.uid-missing-during-idle — RFC 9051 §6.3.13 (IDLE in IMAP4rev2): "If the server
// chooses to send unsolicited FETCH responses, they MUST include a UID FETCH item." RFC 2177
// (IDLE for IMAP4rev1) has no such requirement, so this applies when IMAP4rev2 is in force.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class FetchUidMissingDuringIdle final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"fetch.uid-missing-during-idle", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.13",
                                  "unsolicited FETCH during IMAP4rev2 IDLE lacks the UID item"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    if (!session().imap4rev2_in_force() && ctx().profile() != Profile::kImap4rev2) return;
    const auto& in_flight = session().in_flight();
    if (in_flight.size() != 1 || in_flight.front().id != analyzer::CommandId::kIdle) return;
    const analyzer::FetchData& d = *info.fetch;
    if (d.uid || !d.well_formed) return;
    ctx().report(kInfo, info,
                 "unsolicited FETCH for message " + std::to_string(r.number) +
                     " during IDLE has no UID item",
                 in_flight.front().tag);
  }
};
IMAPSCOPE_RULE(FetchUidMissingDuringIdle);

}  // namespace
}  // namespace imapscope::checks
