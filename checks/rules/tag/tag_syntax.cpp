// tag.syntax — RFC 9051 §9: tag = 1*<any ASTRING-CHAR except "+">. A client whose tag breaks
// this cannot be answered with a matching tagged response, and RFC 9051 §2.2.1 says
// "Clients MUST follow the syntax outlined in this specification strictly".
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class TagSyntax final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"tag.syntax", Severity::kError, Side::kClient,
                                  "RFC 9051 §9 (tag), §2.2.1",
                                  "client command tag is empty or has a character not allowed "
                                  "in a tag"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_syntax_error(const analyzer::SyntaxError& err,
                       const analyzer::MessageInfo& info) override {
    if (info.message.dir != capture::Direction::kClientToServer || err.rule != "tag") return;
    ctx().report(
        kInfo, info,
        "bad tag at column " + std::to_string(err.column + 1) + ": expected " + err.expected, {},
        std::nullopt, err.column);
  }
};
IMAPSCOPE_RULE(TagSyntax);

}  // namespace
}  // namespace imapscope::checks
