// id.server-field-limits — RFC 2971 §3.3: "Field strings MUST NOT be longer than 30 octets.
// Value strings MUST NOT be longer than 1024 octets. Implementations MUST NOT send more than 30
// field-value pairs." Judged on the server's untagged ID response.
#include "checks/rule.h"
#include "checks/rules/id/field_limits.h"

namespace imapscope::checks {
namespace {

class IdServerFieldLimits final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"id.server-field-limits", Severity::kError, Side::kServer,
                                  "RFC 2971 §3.3",
                                  "ID response with a field over 30 octets, a value over 1024 "
                                  "octets or more than 30 pairs"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kId};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "ID" || r.args.empty()) {
      return;
    }
    if (const auto broken = id_limits::broken_limit(r.args[0], info.message)) {
      ctx().report(kInfo, info, "ID response has " + *broken);
    }
  }
};
IMAPSCOPE_RULE(IdServerFieldLimits);

}  // namespace
}  // namespace imapscope::checks
