// login.failure — RFC 9051 §6.2.3 (LOGIN) and §6.2.2 (AUTHENTICATE: "NO - authenticate
// failure: ... credentials rejected"): wrong credentials, sent the way the probe logs in
// (--auth), get NO, and the connection stays in the not authenticated state; RFC 5530 §3
// names AUTHENTICATIONFAILED the code for it, without saying which of user name or password
// was wrong (RFC 9051 §11: servers should not reveal that).
#include <algorithm>
#include <cctype>

#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

// Runs `text` on `c`; a transport failure ends the scenario.
Reply run_on(ImapClient& c, const std::string& text) {
  Reply r = c.command(text);
  if (!r.error.empty()) throw ScenarioFailure(r.command + ": " + r.error);
  return r;
}

void login_failure(ScenarioContext& s) {
  // A server that greets with PREAUTH has no login to fail: LOGIN is not valid in the
  // authenticated state it starts in (RFC 9051 §7.1.4, §6.2.3).
  const ServerResponse* greeting = s.greeting();
  if (greeting != nullptr && greeting->response.status == analyzer::Status::kPreauth)
    throw ScenarioSkipped("the server greets with PREAUTH: there is no login to fail");
  // On a connection of its own, last: servers delay failed logins (Dovecot 2 s) and may
  // penalize the next logins from the same address, which must not slow the suite.
  auto other = s.open_connection(false);
  ImapClient& c = *other->client;
  Reply r = s.login_attempt(*other, "imapscope-wrong-password");
  if (!r.error.empty()) throw ScenarioFailure(r.command + ": " + r.error);
  s.expect_status(r, analyzer::Status::kNo);
  std::string words = r.tagged->words();
  std::transform(words.begin(), words.end(), words.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  for (const char* telltale : {"unknown user", "no such user", "user not found", "wrong password",
                               "invalid password", "bad password"})
    s.expect(words.find(telltale) == std::string::npos,
             "a failed login should not say which part was wrong, the server said " + r.words());
  s.expect_ok(run_on(c, "NOOP"));  // still connected, still not authenticated
  run_on(c, "LOGOUT");
}

IMAPSCOPE_SCENARIO(login_failure, "login.failure", "RFC 9051 §6.2.2, §6.2.3, §11; RFC 5530 §3",
                   "a wrong password gets NO without detail and the connection survives", "",
                   Phase::kAuthenticated, 190);

}  // namespace
}  // namespace imapscope::probe
