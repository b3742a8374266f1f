// namespace.response-missing — RFC 9051 §6.3.10: "Responses: REQUIRED untagged responses:
// NAMESPACE" — "The NAMESPACE command causes a single untagged NAMESPACE response to be
// returned." (RFC 2342 §5: "Response: an untagged NAMESPACE response".)
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class NamespaceResponseMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"namespace.response-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.10",
                                  "NAMESPACE completed with OK without an untagged NAMESPACE "
                                  "response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kNamespace};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kNamespace ||
        r.status != analyzer::Status::kOk || cmd->seen(analyzer::UntaggedKind::kNamespace) > 0) {
      return;
    }
    ctx().report(kInfo, info,
                 "NAMESPACE completed with OK but no untagged NAMESPACE response was sent", r.tag);
  }
};
IMAPSCOPE_RULE(NamespaceResponseMissing);

}  // namespace
}  // namespace imapscope::checks
