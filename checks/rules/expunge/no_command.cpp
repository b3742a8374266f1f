// expunge.no-command — RFC 9051 §7.5.1: "An EXPUNGE response MUST NOT be sent when no command
// is in progress"; §5.3 allows other untagged responses then, but not EXPUNGE. A command is
// only in progress once it has been received completely.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class ExpungeNoCommand final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"expunge.no-command", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.5.1, §5.3",
                                  "EXPUNGE sent while no command is in progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExpunge};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber || r.name != "EXPUNGE") return;
    if (!session().in_flight().empty()) return;
    ctx().report(
        kInfo, info,
        "EXPUNGE of message " + std::to_string(r.number) + " while no command is in progress");
  }
};
IMAPSCOPE_RULE(ExpungeNoCommand);

}  // namespace
}  // namespace imapscope::checks
