// expunge.during-fetch — RFC 9051 §7.5.1 (RFC 3501 §7.4.1): "An EXPUNGE response MUST NOT be
// sent ... while responding to a FETCH, STORE, or SEARCH command." It would shift the message
// sequence numbers those commands' answers use. UID FETCH, UID STORE and UID SEARCH are
// different commands and MAY see EXPUNGE.
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class ExpungeDuringFetch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"expunge.during-fetch", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.5.1",
                                  "EXPUNGE sent while a FETCH, STORE or SEARCH is in progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExpunge};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber || r.name != "EXPUNGE") return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      using analyzer::CommandId;
      if (cmd.id != CommandId::kFetch && cmd.id != CommandId::kStore &&
          cmd.id != CommandId::kSearch) {
        continue;
      }
      ctx().report(kInfo, info,
                   "EXPUNGE of message " + std::to_string(r.number) + " while " + cmd.name +
                       tag_note(cmd.tag, cmd.origin) + " is in progress",
                   cmd.tag);
      return;
    }
  }
};
IMAPSCOPE_RULE(ExpungeDuringFetch);

}  // namespace
}  // namespace imapscope::checks
