// text.server-date-time-invalid — RFC 9051 §9: "date-time = DQUOTE date-day-fixed "-"
// date-month "-" date-year SP time SP zone DQUOTE", and §2.3.3: INTERNALDATE is "the internal
// date and time of the message on the server". Judged on FETCH INTERNALDATE: the form, and
// that day, time and zone exist (no 30-Feb, no 24:00:00). See date_time.h.
#include "checks/rule.h"
#include "checks/rules/text/date_time.h"

namespace imapscope::checks {
namespace {

class TextServerDateTimeInvalid final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"text.server-date-time-invalid", Severity::kError, Side::kServer,
                                  "RFC 9051 §9 (date-time), §2.3.3",
                                  "INTERNALDATE is not a valid date-time"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr || !info.fetch->internaldate) return;
    if (const auto problem = date_time::date_time_problem(*info.fetch->internaldate)) {
      ctx().report(kInfo, info,
                   "INTERNALDATE of message " + std::to_string(r.number) + ": " + *problem);
    }
  }
};
IMAPSCOPE_RULE(TextServerDateTimeInvalid);

}  // namespace
}  // namespace imapscope::checks
