// syntax.client-sent-response — RFC 9051 §2.2.1, §9: client sends a server response instead of a
// command.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxClientSentResponseInfo{
    "syntax.client-sent-response", Severity::kError, Side::kClient, "RFC 9051 §2.2.1, §9",
    "client sends a server response instead of a command"};
constexpr char kSyntaxClientSentResponseDeviation[] = "wrong-side";

class SyntaxClientSentResponse final
    : public DeviationRule<kSyntaxClientSentResponseInfo, kSyntaxClientSentResponseDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxClientSentResponseInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxClientSentResponse);

}  // namespace
}  // namespace imapscope::checks
