// syntax.trailing-space — RFC 9051 §9: server response ends a line or list with a trailing SP the
// formal syntax does not allow.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxTrailingSpaceInfo{
    "syntax.trailing-space", Severity::kError, Side::kServer, "RFC 9051 §9",
    "server response ends a line or list with a trailing SP the formal syntax does not allow"};
constexpr char kSyntaxTrailingSpaceDeviation[] = "trailing-space";

class SyntaxTrailingSpace final
    : public DeviationRule<kSyntaxTrailingSpaceInfo, kSyntaxTrailingSpaceDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxTrailingSpaceInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxTrailingSpace);

}  // namespace
}  // namespace imapscope::checks
