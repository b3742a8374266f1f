// syntax.body-nil — RFC 9051 §9, §7.5.2: BODYSTRUCTURE has NIL or () where a string or a non-empty
// parameter list is required.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxBodyNilInfo{
    "syntax.body-nil", Severity::kError, Side::kServer, "RFC 9051 §9, §7.5.2",
    "BODYSTRUCTURE has NIL or () where a string or a non-empty parameter list is required"};
constexpr char kSyntaxBodyNilDeviation[] = "body-nil";

class SyntaxBodyNil final : public DeviationRule<kSyntaxBodyNilInfo, kSyntaxBodyNilDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxBodyNilInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxBodyNil);

}  // namespace
}  // namespace imapscope::checks
