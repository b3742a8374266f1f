// syntax.quoted-8bit — RFC 6855 §3, RFC 3501 §9: server sends 8-bit bytes in a quoted string while
// neither IMAP4rev2 nor UTF8=ACCEPT is in force.
#include "analyzer/grammar/grammar.h"
#include "checks/rules/syntax/deviation_rule.h"

namespace imapscope::checks {
namespace {

constexpr RuleInfo kSyntaxQuoted8bitInfo{"syntax.quoted-8bit", Severity::kError, Side::kServer,
                                         "RFC 6855 §3, RFC 3501 §9",
                                         "server sends 8-bit bytes in a quoted string while "
                                         "neither IMAP4rev2 nor UTF8=ACCEPT is in force"};
constexpr char kSyntaxQuoted8bitDeviation[] = "quoted-8bit";

class SyntaxQuoted8bit final
    : public DeviationRule<kSyntaxQuoted8bitInfo, kSyntaxQuoted8bitDeviation> {
 public:
  static constexpr const RuleInfo& kInfo = kSyntaxQuoted8bitInfo;
  using DeviationRule::DeviationRule;
};
IMAPSCOPE_RULE(SyntaxQuoted8bit);

}  // namespace
}  // namespace imapscope::checks
