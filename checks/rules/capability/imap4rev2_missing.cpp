// capability.imap4rev2-missing — RFC 9051 §6.1.1: an IMAP4rev2 server MUST list "IMAP4rev2".
// Under --profile imap4rev2 a server without it is an error; under --profile auto it is a
// warning (RFC 9051 obsoletes RFC 3501, so a server offering only IMAP4rev1 is outdated, not
// broken); under --profile imap4rev1 it is not reported. Reported once per connection.
#include "checks/rule.h"
#include "checks/rules/capability/capability_list.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class CapabilityImap4rev2Missing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"capability.imap4rev2-missing", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §6.1.1",
                                  "server offers IMAP4rev1 but not IMAP4rev2 (an error under "
                                  "--profile imap4rev2)"};
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
    if (reported_ || ctx().profile() == Profile::kImap4rev1) return;
    if (!advertises_capabilities(r) || r.lists_capability("IMAP4rev2")) return;
    if (!r.lists_capability("IMAP4rev1")) return;  // capability.no-imap-version's concern
    reported_ = true;
    const bool strict = ctx().profile() == Profile::kImap4rev2;
    ctx().report(kInfo, info, "server offers IMAP4rev1 but not IMAP4rev2", {},
                 strict ? Severity::kError : Severity::kWarning);
  }

  bool reported_ = false;
};
IMAPSCOPE_RULE(CapabilityImap4rev2Missing);

}  // namespace
}  // namespace imapscope::checks
