// qresync.vanished-no-command — RFC 7162 §3.2.10: "A VANISHED response MUST NOT be sent when no
// command is in progress, nor while responding to a FETCH, STORE, or SEARCH command." Like an
// EXPUNGE (RFC 9051 §7.5.1), an unsolicited VANISHED would change the message numbers under a
// client that is not expecting any response.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedNoCommand final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-no-command", Severity::kError, Side::kServer,
                                  "RFC 7162 §3.2.10",
                                  "VANISHED sent while no command is in progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  // VANISHED is among kOther (RFC 7162 §3.2.10).
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOther};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "VANISHED") return;
    if (!session().in_flight().empty() || session().started_after_login()) return;
    ctx().report(kInfo, info, "VANISHED sent while no command is in progress");
  }
};
IMAPSCOPE_RULE(QresyncVanishedNoCommand);

}  // namespace
}  // namespace imapscope::checks
