// syntax.blank-line — RFC 9051 §2.2.2, §9: server sends an empty line, which is no response.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxBlankLineInfo{"syntax.blank-line", Severity::kError, Side::kServer,
                                        "RFC 9051 §2.2.2, §9",
                                        "server sends an empty line, which is no response"};
constexpr char kSyntaxBlankLineDeviation[] = "blank-line";

class SyntaxBlankLine final
    : public DeviationRule<kSyntaxBlankLineInfo, kSyntaxBlankLineDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxBlankLineInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxBlankLine);

}  // namespace
}  // namespace imapscope::checks
