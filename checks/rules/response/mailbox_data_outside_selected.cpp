// response.mailbox-data-outside-selected — EXISTS reports "the number of messages in the
// mailbox" (RFC 9051 §7.4.1), EXPUNGE and FETCH carry "a message sequence number" (§7.5), and
// RECENT is a mailbox size response too (RFC 3501 §7.3.2): all are about the selected mailbox
// (§3.3). RFC 9051 §11.3 calls them invalid elsewhere: "Many server responses and response
// codes are only meaningful in authenticated or even selected state.  However, nothing
// prevents a server (or an on-path attacker) from sending such invalid responses ... Unless
// explicitly allowed by an IMAP extension, when not in selected state, clients MUST ignore
// responses / response codes related to message and mailbox status such as FLAGS, EXIST,
// EXPUNGE, and FETCH." That MUST binds the client; no sentence forbids the server with an
// RFC 2119 keyword, so this is a warning. Silent while SELECT or EXAMINE is in progress, and
// for inputs that begin after a login (where the state is a guess).
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class ResponseMailboxDataOutsideSelected final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"response.mailbox-data-outside-selected", Severity::kWarning,
                                  Side::kServer, "RFC 9051 §11.3, §7.4.1, §7.5, §3.3",
                                  "untagged EXISTS, EXPUNGE, FETCH or RECENT while no mailbox is "
                                  "selected"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExists, analyzer::UntaggedKind::kExpunge,
            analyzer::UntaggedKind::kFetch, analyzer::UntaggedKind::kRecent};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber) return;
    if (r.name != "EXISTS" && r.name != "EXPUNGE" && r.name != "FETCH" && r.name != "RECENT") {
      return;
    }
    if (session().started_after_login() || mailbox_in_view()) return;
    ctx().report(kInfo, info,
                 "untagged " + r.name + " in " +
                     std::string(analyzer::state_name(session().state())) +
                     " state, where no mailbox is selected; clients must ignore it");
  }

 private:
  bool mailbox_in_view() const {
    using analyzer::ConnectionState;
    const ConnectionState s = session().state();
    if (s == ConnectionState::kSelected) return true;
    // After a BYE the connection is in logout state, but the mailbox stays open until it ends.
    if (s == ConnectionState::kLogout && session().mailbox() != nullptr) return true;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (cmd.id == analyzer::CommandId::kSelect || cmd.id == analyzer::CommandId::kExamine) {
        return true;
      }
    }
    return false;
  }
};
IMAPSCOPE_RULE(ResponseMailboxDataOutsideSelected);

}  // namespace
}  // namespace imapscope::checks
