// status.mailbox-mismatch — RFC 9051 §7.3.3 (and RFC 3501 §7.2.4): "The STATUS response occurs
// as a result of a STATUS command. It returns the mailbox name that matches the STATUS
// specification and the requested mailbox status information." A STATUS response naming
// another mailbox than the STATUS command in progress asked for gives the client the status of
// a mailbox it did not ask about, under the name of one it did not ask about. This is the
// definition of the response rather than an RFC 2119 keyword; it is reported as an error.
//
// Names are compared as values (quoted "INBOX" is INBOX, and INBOX in any case, RFC 9051 §5.1).
// "This specification takes no position on case sensitivity in non-INBOX mailbox names" and
// servers may normalize UTF-8 names to NFC (§5.1), so only ASCII names that differ other than
// in letter case count as different (checks/rules/mailbox_name.h). STATUS responses that other
// commands may cause are left alone: LIST with a STATUS return option (LIST-STATUS, RFC 9051
// §6.3.9.2) in progress, or a NOTIFY (RFC 5465) issued in the session.
#include <map>
#include <optional>
#include <string>

#include "checks/rule.h"
#include "checks/rules/mailbox_name.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class StatusMailboxMismatch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"status.mailbox-mismatch", Severity::kError, Side::kServer,
                                  "RFC 9051 §7.3.3",
                                  "untagged STATUS names another mailbox than the STATUS "
                                  "command in progress asked for"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kStatus, analyzer::CommandId::kUnknown};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    if (cmd.name == "NOTIFY") notify_ = true;
    if (cmd.id != analyzer::CommandId::kStatus || cmd.args.empty()) return;
    // A name whose octets were not all kept is remembered as unknown: it matches anything.
    asked_[info.message.offset] = mailbox_name::astring_value(cmd.args[0], info.message);
  }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kStatus};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || r.name != "STATUS" || notify_ ||
        r.args.empty()) {
      return;
    }
    const std::optional<std::string> named = mailbox_name::astring_value(r.args[0], info.message);
    if (!named) return;
    const analyzer::InFlightCommand* status = nullptr;
    std::string asked;
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id == analyzer::CommandId::kList) return;  // LIST-STATUS
      if (c.id != analyzer::CommandId::kStatus) continue;
      const auto it = asked_.find(c.offset);
      if (it == asked_.end() || !it->second) return;  // unknown name
      if (!mailbox_name::surely_different(*it->second, *named)) return;
      if (status == nullptr) {
        status = &c;
        asked = *it->second;
      }
    }
    if (status == nullptr) return;  // no STATUS in progress: not this rule's concern
    ctx().report(kInfo, info,
                 "STATUS response for '" + *named + "' while STATUS" +
                     tag_note(status->tag, status->origin) + " asked for '" + asked + "'",
                 status->tag);
  }

  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd != nullptr) asked_.erase(cmd->offset);
  }

 private:
  std::map<std::uint64_t, std::optional<std::string>> asked_;  // STATUS mailbox, by offset
  bool notify_ = false;
};
IMAPSCOPE_RULE(StatusMailboxMismatch);

}  // namespace
}  // namespace imapscope::checks
