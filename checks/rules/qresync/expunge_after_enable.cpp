// qresync.expunge-after-enable — RFC 7162 §3.2.10: once the client has issued "ENABLE
// QRESYNC" and the server answered with ENABLED QRESYNC, "the server MUST use the VANISHED
// response without the EARLIER tag instead of the EXPUNGE response" for the rest of the
// connection (except for mailboxes that returned NOMODSEQ when selected).
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class QresyncExpungeAfterEnable final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"qresync.expunge-after-enable", Severity::kError, Side::kServer,
                                  "RFC 7162 §3.2.10",
                                  "EXPUNGE sent after QRESYNC was enabled; VANISHED is required"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kOk, analyzer::UntaggedKind::kExpunge};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.status == analyzer::Status::kOk && r.code &&
        analyzer::iequals(r.code->name, "NOMODSEQ")) {
      nomodseq_ = true;  // this selection's mailbox keeps no mod-sequences
      return;
    }
    if (r.kind == analyzer::ResponseKind::kUntaggedNumber && r.name == "EXPUNGE" &&
        session().is_enabled("QRESYNC") && !nomodseq_) {
      ctx().report(kInfo, info,
                   "EXPUNGE of message " + std::to_string(r.number) +
                       " although QRESYNC is enabled (VANISHED is required)");
    }
  }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (cmd.id == analyzer::CommandId::kSelect || cmd.id == analyzer::CommandId::kExamine) {
      nomodseq_ = false;
    }
  }

 private:
  bool nomodseq_ = false;
};
IMAPSCOPE_RULE(QresyncExpungeAfterEnable);

}  // namespace
}  // namespace imapscope::checks
