// capability.auth-plain-missing — RFC 9051 §6.1.1: "Client and server implementations MUST
// also implement AUTH=PLAIN (described in [PLAIN]) capability on both cleartext and Implicit
// TLS ports." §6.2.2: "The server SHOULD list its supported authentication mechanisms in the
// response to the CAPABILITY command so that the client knows which authentication mechanisms
// to use."
//
// The MUST is to implement PLAIN; what a transcript shows is whether it is listed, and listing
// supported mechanisms is a SHOULD: hence a warning. And before TLS on a cleartext port a
// server is expected not to list it: §11.7 allows a configuration where "The LOGINDISABLED
// capability is advertised, and [SASL] mechanisms (such as PLAIN) using plaintext passwords
// are NOT advertised in the CAPABILITY list", as the examples of §6.1.1, §6.2.2 and §8 do
// ("* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED"). So a list is judged when it
// names IMAP4rev2 and some AUTH= mechanism, but neither LOGINDISABLED nor STARTTLS, and comes
// before authentication (lists after it need not name mechanisms). Reported once per
// connection.
#include "checks/rule.h"
#include "checks/rules/capability/capability_list.h"
#include "checks/rules/capability/extension_use.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class CapabilityAuthPlainMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"capability.auth-plain-missing", Severity::kWarning,
                                  Side::kServer, "RFC 9051 §6.1.1, §6.2.2",
                                  "IMAP4rev2 server lists SASL mechanisms but not AUTH=PLAIN "
                                  "(outside a STARTTLS / LOGINDISABLED list)"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* /*error*/,
                   const analyzer::MessageInfo& info) override {
    if (r != nullptr && r->status == analyzer::Status::kOk) check(*r, info);
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return response_watch::kCapabilityListing;
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (session().state() == analyzer::ConnectionState::kNotAuthenticated) check(r, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (session().state() != analyzer::ConnectionState::kNotAuthenticated) return;
    // A successful login's CAPABILITY code lists the authenticated state's capabilities.
    if (cmd != nullptr && r.status == analyzer::Status::kOk &&
        (cmd->id == CommandId::kLogin || cmd->id == CommandId::kAuthenticate)) {
      return;
    }
    check(r, info);
  }

 private:
  void check(const analyzer::Response& r, const analyzer::MessageInfo& info) {
    if (reported_ || !advertises_capabilities(r) || !r.lists_capability("IMAP4rev2")) return;
    if (r.lists_capability("AUTH=PLAIN") || r.lists_capability("LOGINDISABLED") ||
        r.lists_capability("STARTTLS")) {
      return;
    }
    bool mechanism = false;
    for (std::string_view c : r.capabilities) {
      if (extension_use::starts_with_ignoring_case(c, "AUTH=")) mechanism = true;
    }
    if (!mechanism) return;
    reported_ = true;
    ctx().report(kInfo, info,
                 "IMAP4rev2 capability list names SASL mechanisms but not AUTH=PLAIN, which "
                 "every IMAP4rev2 server implements, and has neither STARTTLS nor LOGINDISABLED",
                 r.tag);
  }

  bool reported_ = false;
};
IMAPSCOPE_RULE(CapabilityAuthPlainMissing);

}  // namespace
}  // namespace imapscope::checks
