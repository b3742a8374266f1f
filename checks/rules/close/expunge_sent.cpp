// close.expunge-sent — RFC 9051 §6.4.1 (RFC 3501 §6.4.2: "No untagged EXPUNGE responses are
// sent."): CLOSE removes the \Deleted messages silently, which is why "a CLOSE-LOGOUT or
// CLOSE-SELECT sequence is considerably faster than an EXPUNGE-LOGOUT or EXPUNGE-SELECT because
// no untagged EXPUNGE responses ... are sent." No RFC 2119 keyword governs it, and an EXPUNGE
// of another session's removal may still be announced then, so it is a warning.
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class CloseExpungeSent final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"close.expunge-sent", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §6.4.1, RFC 3501 §6.4.2",
                                  "untagged EXPUNGE sent in response to CLOSE"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExpunge};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber || r.name != "EXPUNGE") return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (cmd.id != analyzer::CommandId::kClose || cmd.offset == reported_) continue;
      reported_ = cmd.offset;
      ctx().report(kInfo, info,
                   "EXPUNGE of message " + std::to_string(r.number) + " while CLOSE" +
                       tag_note(cmd.tag, cmd.origin) +
                       " is in progress; CLOSE removes messages without EXPUNGE responses",
                   cmd.tag);
      return;
    }
  }

 private:
  std::uint64_t reported_ = UINT64_MAX;  // the CLOSE already reported
};
IMAPSCOPE_RULE(CloseExpungeSent);

}  // namespace
}  // namespace imapscope::checks
