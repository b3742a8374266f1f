// tag.completed-twice — RFC 9051 §2.2.2: a command ends with one server completion result
// response (OK, NO or BAD). A second one for the same command answers nothing.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class TagCompletedTwice final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"tag.completed-twice", Severity::kError, Side::kServer,
                                  "RFC 9051 §2.2.2",
                                  "second tagged completion for a command already completed"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd != nullptr || !session().recently_completed(r.tag)) return;
    ctx().report(kInfo, info,
                 "command '" + std::string(r.tag) + "' was already completed; this " +
                     std::string(analyzer::status_name(r.status)) + " completes it again",
                 r.tag);
  }
};
IMAPSCOPE_RULE(TagCompletedTwice);

}  // namespace
}  // namespace imapscope::checks
