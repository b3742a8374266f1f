// syntax.unquoted-specials — RFC 9051 §9, §4.1: server sends a string with atom-specials unquoted.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxUnquotedSpecialsInfo{"syntax.unquoted-specials", Severity::kError,
                                               Side::kServer, "RFC 9051 §9, §4.1",
                                               "server sends a string with atom-specials unquoted"};
constexpr char kSyntaxUnquotedSpecialsDeviation[] = "unquoted-specials";

class SyntaxUnquotedSpecials final
    : public DeviationRule<kSyntaxUnquotedSpecialsInfo, kSyntaxUnquotedSpecialsDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxUnquotedSpecialsInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxUnquotedSpecials);

}  // namespace
}  // namespace imapscope::checks
