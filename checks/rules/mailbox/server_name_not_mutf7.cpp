// mailbox.server-name-not-mutf7 — RFC 9051 Appendix A (RFC 3501 §5.1.3 alike): "Server
// implementations that export a mail store that does not follow the modified UTF-7 convention
// MUST convert any mailbox name that contains either non-ASCII characters or the "&" character
// to modified UTF-7." Judged on the names of LIST, LSUB and STATUS responses while neither
// IMAP4rev2 (UTF-8 names, §5.1) nor UTF8=ACCEPT (RFC 6855 §3) is in force. 8-bit octets in a
// quoted name are text.server-8bit-quoted's.
#include "checks/rule.h"
#include "checks/rules/mailbox/modified_utf7.h"
#include "checks/rules/mailbox_name.h"

namespace imapscope::checks {
namespace {

class MailboxServerNameNotMutf7 final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"mailbox.server-name-not-mutf7", Severity::kError, Side::kServer,
                                  "RFC 3501 §5.1.3, RFC 9051 Appendix A",
                                  "mailbox name in LIST, LSUB or STATUS is not modified UTF-7 "
                                  "although UTF-8 is not in force"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kList, analyzer::UntaggedKind::kLsub,
            analyzer::UntaggedKind::kStatus};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData) return;
    const analyzer::Arg* name = nullptr;
    if ((r.name == "LIST" || r.name == "LSUB") && r.args.size() >= 3)
      name = &r.args[2];
    else if (r.name == "STATUS" && !r.args.empty())
      name = &r.args[0];
    if (name == nullptr || session().imap4rev2_in_force() || session().is_enabled("UTF8=ACCEPT")) {
      return;
    }
    const auto value = mailbox_name::astring_value(*name, info.message);
    if (!value) return;
    const bool quoted = name->kind == analyzer::ArgKind::kQuoted;
    if (const auto problem = modified_utf7::problem(*value, !quoted)) {
      ctx().report(kInfo, info,
                   r.name + " names \"" + *value + "\", not modified UTF-7: " + *problem);
    }
  }
};
IMAPSCOPE_RULE(MailboxServerNameNotMutf7);

}  // namespace
}  // namespace imapscope::checks
