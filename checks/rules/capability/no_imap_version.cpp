// capability.no-imap-version — RFC 9051 §6.1.1 and RFC 3501 §6.1.1: the capability list MUST
// include "IMAP4rev2" (resp. "IMAP4rev1"). A list with neither names no IMAP version at all.
#include "checks/rule.h"
#include "checks/rules/capability/capability_list.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class CapabilityNoImapVersion final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"capability.no-imap-version", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.1.1, RFC 3501 §6.1.1",
                                  "capability list names neither IMAP4rev1 nor IMAP4rev2"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* /*error*/,
                   const analyzer::MessageInfo& info) override {
    if (r != nullptr) check(*r, info);
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return response_watch::kCapabilityListing;
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    check(r, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* /*cmd*/,
                     const analyzer::MessageInfo& info) override {
    check(r, info);
  }

 private:
  void check(const analyzer::Response& r, const analyzer::MessageInfo& info) {
    if (!advertises_capabilities(r)) return;
    if (r.lists_capability("IMAP4rev1") || r.lists_capability("IMAP4rev2")) return;
    ctx().report(kInfo, info, "capability list has neither IMAP4rev1 nor IMAP4rev2");
  }
};
IMAPSCOPE_RULE(CapabilityNoImapVersion);

}  // namespace
}  // namespace imapscope::checks
