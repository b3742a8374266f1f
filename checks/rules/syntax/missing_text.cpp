// syntax.missing-text — RFC 3501 §9, RFC 9051 Appendix E item 23: server status response lacks the
// text after its response code (allowed only since IMAP4rev2).
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxMissingTextInfo{
    "syntax.missing-text", Severity::kWarning, Side::kServer,
    "RFC 3501 §9, RFC 9051 Appendix E item 23",
    "server status response lacks the text after its response code (allowed only since IMAP4rev2)"};
constexpr char kSyntaxMissingTextDeviation[] = "missing-text";

class SyntaxMissingText final
    : public DeviationRule<kSyntaxMissingTextInfo, kSyntaxMissingTextDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxMissingTextInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxMissingText);

}  // namespace
}  // namespace imapscope::checks
