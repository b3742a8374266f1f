// starttls.advertised-after-tls — RFC 9051 §6.2.1: "The server MAY advertise different
// capabilities and, in particular, SHOULD NOT advertise the STARTTLS capability, after a
// successful STARTTLS command." RFC 3501 §6.2.1 only says the server "MAY advertise different
// capabilities after STARTTLS", so the rule applies to lists that name IMAP4rev2 (or under
// --profile imap4rev2), never under --profile imap4rev1. A successful STARTTLS is its tagged OK;
// the CAPABILITY code of that OK itself predates TLS and is not judged. analyzer::Session stops
// decoding where TLS bytes follow, so this concerns decrypted transcripts. Reported once per
// connection.
#include "checks/rule.h"
#include "checks/rules/capability/capability_list.h"
#include "checks/rules/origin_note.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class StarttlsAdvertisedAfterTls final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"starttls.advertised-after-tls", Severity::kWarning,
                                  Side::kServer, "RFC 9051 §6.2.1",
                                  "server still lists STARTTLS after a successful STARTTLS"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return response_watch::kCapabilityListing;
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    check(r, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd != nullptr && cmd->id == analyzer::CommandId::kStarttls) {
      if (r.status == analyzer::Status::kOk && !tls_) {
        tls_ = true;
        tls_ok_ = info.message.origin;
      }
      return;
    }
    check(r, info);
  }

 private:
  void check(const analyzer::Response& r, const analyzer::MessageInfo& info) {
    if (!tls_ || reported_ || ctx().profile() == Profile::kImap4rev1) return;
    if (!advertises_capabilities(r) || !r.lists_capability("STARTTLS")) return;
    if (!r.lists_capability("IMAP4rev2") && ctx().profile() != Profile::kImap4rev2) return;
    reported_ = true;
    ctx().report(kInfo, info,
                 "capability list includes STARTTLS although STARTTLS already succeeded" +
                     place_note(tls_ok_),
                 r.tag);
  }

  bool tls_ = false;
  capture::Origin tls_ok_;  // of STARTTLS's tagged OK
  bool reported_ = false;
};
IMAPSCOPE_RULE(StarttlsAdvertisedAfterTls);

}  // namespace
}  // namespace imapscope::checks
