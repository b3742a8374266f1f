// greeting.missing — RFC 9051 §2.2 and §7.1: a connection begins with the server's greeting,
// an untagged OK, PREAUTH or BYE (§9: greeting = "*" SP (resp-cond-auth / resp-cond-bye)).
// Fires when the server's first response is some other valid response, or when the server
// never speaks although the client did.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class GreetingMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"greeting.missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.2, §7.1",
                                  "server's first response is not a greeting"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* /*error*/,
                   const analyzer::MessageInfo& info) override {
    if (r == nullptr || !is_other_response(*r)) return;  // greeting.malformed's concern
    ctx().report(kInfo, info,
                 "the first server response is not a greeting (untagged OK, PREAUTH or BYE)");
  }

  void on_stream_end() override {
    if (session().greeting_seen() || session().command_count() == 0) return;
    ctx().report(kInfo, "the client sent commands but the server never sent a greeting");
  }

  // A well-formed response of another kind, as opposed to a garbled greeting.
  static bool is_other_response(const analyzer::Response& r) {
    using analyzer::ResponseKind;
    switch (r.kind) {
      case ResponseKind::kTagged:
      case ResponseKind::kContinuation:
      case ResponseKind::kUntaggedNumber:
        return true;
      case ResponseKind::kUntaggedStatus:
        return false;
      case ResponseKind::kUntaggedData:
        return analyzer::untagged_kind(r) != analyzer::UntaggedKind::kOther;
    }
    return false;
  }
};
IMAPSCOPE_RULE(GreetingMissing);

}  // namespace
}  // namespace imapscope::checks
