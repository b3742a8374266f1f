// tag.reused-in-flight — RFC 9051 §2.2.1: "the client SHOULD generate a unique tag for every
// command". A tag reused while the first command is still in progress makes the server's
// completions ambiguous.
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class TagReusedInFlight final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"tag.reused-in-flight", Severity::kWarning, Side::kClient,
                                  "RFC 9051 §2.2.1",
                                  "client reuses the tag of a command still in progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    const analyzer::InFlightCommand* earlier = session().find_in_flight(cmd.tag);
    if (earlier == nullptr) return;
    ctx().report(kInfo, info,
                 "tag '" + std::string(cmd.tag) + "' is already in use by " + earlier->name +
                     place_note(earlier->origin) + ", which has not completed",
                 cmd.tag);
  }
};
IMAPSCOPE_RULE(TagReusedInFlight);

}  // namespace
}  // namespace imapscope::checks
