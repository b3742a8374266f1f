// syntax.server-sent-command — RFC 9051 §2.2.2, §9: server sends a client command instead of a
// response.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxServerSentCommandInfo{
    "syntax.server-sent-command", Severity::kError, Side::kServer, "RFC 9051 §2.2.2, §9",
    "server sends a client command instead of a response"};
constexpr char kSyntaxServerSentCommandDeviation[] = "wrong-side";

class SyntaxServerSentCommand final
    : public DeviationRule<kSyntaxServerSentCommandInfo, kSyntaxServerSentCommandDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxServerSentCommandInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxServerSentCommand);

}  // namespace
}  // namespace imapscope::checks
