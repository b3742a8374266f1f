// capability.after-login — RFC 9051 §6.2.2, §6.2.3: a server may advertise other capabilities
// after login (the probe asked again, or read the CAPABILITY code of the OK); the list must
// still name the protocol revision (§7.2.2).
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void capability_after_login(ScenarioContext& s) {
  Reply r = s.run("CAPABILITY");
  s.expect_ok(r);
  s.expect(r.data("CAPABILITY").size() == 1, "exactly one untagged CAPABILITY response");
  const auto& caps = r.data("CAPABILITY")[0]->response;
  s.expect(caps.lists_capability("IMAP4rev2") || caps.lists_capability("IMAP4rev1"),
           "the capabilities after login must name IMAP4rev2 or IMAP4rev1, the server said '" +
               r.data("CAPABILITY")[0]->words() + "'");
  s.expect(!caps.lists_capability("LOGINDISABLED"),
           "LOGINDISABLED after login makes no sense: the client is logged in");
}

IMAPSCOPE_SCENARIO(capability_after_login, "capability.after-login", "RFC 9051 §6.2.3, §7.2.2",
                   "CAPABILITY in the authenticated state still names the revision", "",
                   Phase::kAuthenticated, 10);

}  // namespace
}  // namespace imapscope::probe
