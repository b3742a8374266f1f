// qresync.vanished-during-fetch — RFC 7162 §3.2.10: "A VANISHED response MUST NOT be sent ...
// while responding to a FETCH, STORE, or SEARCH command." "UID FETCH, UID STORE, and UID SEARCH
// are different commands from FETCH, STORE, and SEARCH. A VANISHED response MAY be sent during a
// UID command."
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class QresyncVanishedDuringFetch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.vanished-during-fetch", Severity::kError, Side::kServer,
                                  "RFC 7162 §3.2.10",
                                  "VANISHED sent while a FETCH, STORE or SEARCH is in progress"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "VANISHED") return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      using analyzer::CommandId;
      if (cmd.id != CommandId::kFetch && cmd.id != CommandId::kStore &&
          cmd.id != CommandId::kSearch) {
        continue;
      }
      ctx().report(
          kInfo, info,
          "VANISHED sent while " + cmd.name + tag_note(cmd.tag, cmd.origin) + " is in progress",
          cmd.tag);
      return;
    }
  }
};
IMAPSCOPE_RULE(QresyncVanishedDuringFetch);

}  // namespace
}  // namespace imapscope::checks
