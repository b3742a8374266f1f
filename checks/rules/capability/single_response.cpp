// capability.single-response — RFC 9051 §6.1.1 (and RFC 3501 §6.1.1): "The server MUST send
// a single untagged CAPABILITY response ... before the (tagged) OK response." A second one is
// reported where it arrives; a missing one at the tagged OK.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class CapabilitySingleResponse final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"capability.single-response", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.1.1",
                                  "CAPABILITY command answered without exactly one untagged "
                                  "CAPABILITY response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kCapability};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (analyzer::untagged_kind(r) != analyzer::UntaggedKind::kCapability) return;
    for (const analyzer::InFlightCommand& cmd : session().in_flight()) {
      if (cmd.id != analyzer::CommandId::kCapability ||
          cmd.seen(analyzer::UntaggedKind::kCapability) == 0) {
        continue;
      }
      ctx().report(kInfo, info,
                   "another untagged CAPABILITY response to CAPABILITY (tag '" + cmd.tag +
                       "'); exactly one is required",
                   cmd.tag);
      return;
    }
  }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kCapability};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kCapability ||
        r.status != analyzer::Status::kOk || cmd->seen(analyzer::UntaggedKind::kCapability) > 0) {
      return;
    }
    ctx().report(kInfo, info,
                 "CAPABILITY completed with OK without an untagged CAPABILITY response", r.tag);
  }
};
IMAPSCOPE_RULE(CapabilitySingleResponse);

}  // namespace
}  // namespace imapscope::checks
