// greeting.malformed — RFC 9051 §9: greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF,
// resp-cond-auth = ("OK" / "PREAUTH") SP resp-text. A first line that starts like a greeting
// but breaks this grammar leaves the client unable to tell the connection's state (§3).
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class GreetingMalformed final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"greeting.malformed", Severity::kError, Side::kServer,
                                  "RFC 9051 §9 (greeting), §7.1",
                                  "server greeting does not follow the greeting grammar"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* error,
                   const analyzer::MessageInfo& info) override {
    using analyzer::ResponseKind;
    using analyzer::Status;
    if (r == nullptr) {
      ctx().report(kInfo, info,
                   "greeting does not parse: expected " + error->expected + " at column " +
                       std::to_string(error->column + 1),
                   {}, std::nullopt,
                   error->line == 0 ? std::optional<std::size_t>(error->column) : std::nullopt);
      return;
    }
    if (r->kind == ResponseKind::kUntaggedStatus &&
        (r->status == Status::kNo || r->status == Status::kBad)) {
      ctx().report(kInfo, info,
                   "greeting is an untagged " + std::string(analyzer::status_name(r->status)) +
                       "; expected OK, PREAUTH or BYE");
    } else if (r->kind == ResponseKind::kUntaggedData &&
               analyzer::untagged_kind(*r) == analyzer::UntaggedKind::kOther) {
      ctx().report(kInfo, info, "greeting '* " + r->name + "' is not OK, PREAUTH or BYE");
    }
  }
};
IMAPSCOPE_RULE(GreetingMalformed);

}  // namespace
}  // namespace imapscope::checks
