// starttls.capabilities — RFC 9051 §6.2.1: after STARTTLS the client "MUST discard cached
// information about server capabilities" and the server "SHOULD NOT advertise the STARTTLS
// capability" again. The probe asked again; this checks the new list.
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void starttls_capabilities(ScenarioContext& s) {
  if (!s.used_starttls()) throw ScenarioSkipped("STARTTLS was not used on this connection");
  s.expect(!s.has("STARTTLS"), "STARTTLS must not be advertised after STARTTLS succeeded");
  s.expect(s.has("IMAP4rev2") || s.has("IMAP4rev1"),
           "the capabilities after STARTTLS must name IMAP4rev2 or IMAP4rev1");
}

IMAPSCOPE_SCENARIO(starttls_capabilities, "starttls.capabilities", "RFC 9051 §6.2.1",
                   "capabilities asked again after STARTTLS no longer list STARTTLS", "",
                   Phase::kNotAuthenticated, 20);

}  // namespace
}  // namespace imapscope::probe
