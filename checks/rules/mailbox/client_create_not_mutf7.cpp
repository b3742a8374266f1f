// mailbox.client-create-not-mutf7 — RFC 9051 Appendix A (RFC 3501 §5.1.3 alike): "client
// implementations ... SHOULD NOT attempt to create a mailbox name with an embedded "&" character
// unless it complies with the modified UTF-7 syntax." Judged on CREATE and on RENAME's new name
// while neither IMAP4rev2 nor UTF8=ACCEPT is in force (then names are UTF-8, RFC 9051 §5.1).
#include "checks/rule.h"
#include "checks/rules/mailbox/modified_utf7.h"
#include "checks/rules/mailbox_name.h"

namespace imapscope::checks {
namespace {

class MailboxClientCreateNotMutf7 final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.client-create-not-mutf7", Severity::kWarning,
                                  Side::kClient, "RFC 3501 §5.1.3, RFC 9051 Appendix A",
                                  "client creates a mailbox whose \"&\" is not modified UTF-7"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kRename, analyzer::CommandId::kCreate};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    std::size_t index = 0;
    if (cmd.id == CommandId::kRename)
      index = 1;
    else if (cmd.id != CommandId::kCreate)
      return;
    if (cmd.args.size() <= index || session().imap4rev2_in_force() ||
        session().is_enabled("UTF8=ACCEPT")) {
      return;
    }
    const auto name = mailbox_name::astring_value(cmd.args[index], info.message);
    if (!name) return;
    if (const auto problem = modified_utf7::problem(*name, false)) {
      ctx().report(kInfo, info, cmd.name + " of \"" + *name + "\": " + *problem, cmd.tag);
    }
  }
};
IMAPSCOPE_RULE(MailboxClientCreateNotMutf7);

}  // namespace
}  // namespace imapscope::checks
