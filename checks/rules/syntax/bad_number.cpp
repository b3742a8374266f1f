// syntax.bad-number — RFC 9051 §9, §4.2: server sends a negative number, or 0 where a non-zero
// number is required.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxBadNumberInfo{
    "syntax.bad-number", Severity::kError, Side::kServer, "RFC 9051 §9, §4.2",
    "server sends a negative number, or 0 where a non-zero number is required"};
constexpr char kSyntaxBadNumberDeviation[] = "bad-number";

class SyntaxBadNumber final
    : public DeviationRule<kSyntaxBadNumberInfo, kSyntaxBadNumberDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxBadNumberInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxBadNumber);

}  // namespace
}  // namespace imapscope::checks
