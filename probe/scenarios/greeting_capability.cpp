// greeting.capability — RFC 9051 §7.1: the greeting is OK, PREAUTH or BYE; §6.1.1: the
// CAPABILITY response "MUST include the atom IMAP4rev2" (IMAP4rev1 for RFC 3501 servers);
// §6.1.1 also: implementations "MUST implement the STARTTLS ... and LOGINDISABLED
// capabilities on cleartext ports" and "MUST also implement AUTH=PLAIN".
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void greeting_capability(ScenarioContext& s) {
  const ServerResponse* g = s.greeting();
  s.expect(g != nullptr && g->parsed, "the greeting must parse as OK, PREAUTH or BYE");
  Reply r = s.run("CAPABILITY");
  s.expect_ok(r);
  s.expect(r.data("CAPABILITY").size() == 1,
           "exactly one untagged CAPABILITY response to CAPABILITY, got " +
               std::to_string(r.data("CAPABILITY").size()));
  s.expect(s.has("IMAP4rev2") || s.has("IMAP4rev1"),
           "the capability list must name IMAP4rev2 or IMAP4rev1");
  // Before login on a cleartext port without STARTTLS done, AUTH=PLAIN may be withheld
  // (LOGINDISABLED); over TLS it must be there.
  if (s.tls())
    s.expect(s.has("AUTH=PLAIN"), "AUTH=PLAIN must be offered over TLS (RFC 9051 §6.1.1)");
  const std::vector<std::string>& cleartext =
      s.used_starttls() ? s.capabilities_before_tls() : s.capabilities();
  // After PREAUTH the connection is authenticated already, and STARTTLS belongs to the not
  // authenticated state (RFC 9051 §6.2): nothing to offer it for.
  const bool preauth = g != nullptr && g->response.status == analyzer::Status::kPreauth;
  if ((!s.tls() || s.used_starttls()) && !preauth) {
    bool starttls = false;
    for (const std::string& c : cleartext)
      starttls = starttls || c == "STARTTLS";
    s.expect(starttls, "STARTTLS must be offered on the cleartext port (RFC 9051 §6.1.1)");
  }
}

IMAPSCOPE_SCENARIO(greeting_capability, "greeting.capability", "RFC 9051 §7.1, §6.1.1, §7.2.2",
                   "greeting, CAPABILITY with IMAP4rev2/IMAP4rev1, STARTTLS and AUTH=PLAIN", "",
                   Phase::kNotAuthenticated, 10);

}  // namespace
}  // namespace imapscope::probe
