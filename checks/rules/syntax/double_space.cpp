// syntax.double-space — RFC 9051 §9: server response separates elements by more than one SP.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxDoubleSpaceInfo{"syntax.double-space", Severity::kError, Side::kServer,
                                          "RFC 9051 §9",
                                          "server response separates elements by more than one SP"};
constexpr char kSyntaxDoubleSpaceDeviation[] = "double-space";

class SyntaxDoubleSpace final
    : public DeviationRule<kSyntaxDoubleSpaceInfo, kSyntaxDoubleSpaceDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxDoubleSpaceInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxDoubleSpace);

}  // namespace
}  // namespace imapscope::checks
