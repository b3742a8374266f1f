// continuation.unexpected — RFC 9051 §7.6: a continuation request "indicates that the server
// is ready to accept the continuation of a command". It answers a synchronizing literal, an
// AUTHENTICATE exchange or IDLE; sent when none of them waits, it asks the client for data
// the client never meant to send.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class ContinuationUnexpected final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"continuation.unexpected", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.6",
                                  "continuation request when no literal, AUTHENTICATE or IDLE "
                                  "waits for one"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_continuation(const analyzer::Response& /*r*/, analyzer::ContinuationTarget target,
                       const analyzer::MessageInfo& info) override {
    if (target != analyzer::ContinuationTarget::kNone) return;
    ctx().report(kInfo, info,
                 "continuation request, but no synchronizing literal, AUTHENTICATE or IDLE is "
                 "waiting for one");
  }
};
IMAPSCOPE_RULE(ContinuationUnexpected);

}  // namespace
}  // namespace imapscope::checks
