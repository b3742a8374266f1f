// syntax.literal-length — RFC 9051 §4.3, §2.2: server sends a literal whose octet count does not
// match its octets. §4.3: a literal is "a sequence of zero or more octets (including CR and LF),
// prefix-quoted with an octet count"; §2.2: the receiver "is reading either a line or a sequence
// of octets with a known count followed by a line". With a wrong count the client cuts the
// literal elsewhere than its end, and reads message text as literal octets or the reverse (the
// strict grammar names the deviation: analyzer/grammar/literal_length.cpp). A client's are
// reported by syntax.command, as its other named deviations are.
#include "analyzer/grammar/grammar.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class SyntaxLiteralLength final : public Rule {
 public:
  static constexpr RuleInfo kInfo{
      "syntax.literal-length", Severity::kError, Side::kServer, "RFC 9051 §4.3, §2.2",
      "server sends a literal whose octet count does not match where its octets end"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_syntax_error(const analyzer::SyntaxError& err,
                       const analyzer::MessageInfo& info) override {
    if (err.deviation != analyzer::grammar::deviation::kLiteralLength ||
        info.message.dir != capture::Direction::kServerToClient)
      return;
    std::string message = "expected " + err.expected;
    // The literal's end is on a later line of the response than the one reports quote.
    if (err.line > 0) message += ", at line " + std::to_string(err.line + 1) + " of the response";
    ctx().report(kInfo, info, std::move(message), {}, std::nullopt,
                 err.line == 0 ? std::optional<std::size_t>(err.column) : std::nullopt);
  }
};
IMAPSCOPE_RULE(SyntaxLiteralLength);

}  // namespace
}  // namespace imapscope::checks
