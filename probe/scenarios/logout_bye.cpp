// logout.bye — RFC 9051 §6.1.3: "The server MUST send a BYE untagged response before the
// (tagged) OK response, and then close the network connection."
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void logout_bye(ScenarioContext& s) {
  Reply r = s.run("LOGOUT");
  s.expect_ok(r);
  bool bye = false;
  for (const ResponsePtr& u : r.untagged)
    bye = bye || (u->parsed && u->response.kind == analyzer::ResponseKind::kUntaggedStatus &&
                  u->response.status == analyzer::Status::kBye);
  s.expect(bye, "LOGOUT must be answered with an untagged BYE before the tagged OK");
  // The server then closes the connection: a read ends at once, not after the timeout.
  std::string error;
  ResponsePtr more = s.client().read(s.client().deadline(), error);
  s.expect(more == nullptr && error.find("timed out") == std::string::npos,
           "the server must close the connection after LOGOUT's OK" +
               (more ? ", it sent '" + more->words() + "'" : ", " + error));
}

IMAPSCOPE_SCENARIO(logout_bye, "logout.bye", "RFC 9051 §6.1.3",
                   "LOGOUT gets BYE, then OK, then the server closes the connection", "",
                   Phase::kLogout, 10);

}  // namespace
}  // namespace imapscope::probe
