// syntax.continuation-no-space — RFC 9051 §9, §7.6: continue-req = "+" SP (resp-text / base64); a
// bare "+" lacks the SP.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxContinuationNoSpaceInfo{
    "syntax.continuation-no-space", Severity::kError, Side::kServer, "RFC 9051 §9, §7.6",
    "continuation request is a bare \"+\" without the SP the formal syntax requires"};
constexpr char kSyntaxContinuationNoSpaceDeviation[] = "continuation-no-space";

class SyntaxContinuationNoSpace final
    : public DeviationRule<kSyntaxContinuationNoSpaceInfo, kSyntaxContinuationNoSpaceDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxContinuationNoSpaceInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxContinuationNoSpace);

}  // namespace
}  // namespace imapscope::checks
