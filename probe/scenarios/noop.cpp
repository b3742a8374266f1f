// noop — RFC 9051 §6.1.2: NOOP "always succeeds"; it does nothing but poll for updates.
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void noop(ScenarioContext& s) {
  s.expect_ok(s.run("NOOP"));
  s.select(s.root(), true);
  s.expect_ok(s.run("NOOP"));
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(noop, "noop", "RFC 9051 §6.1.2",
                   "NOOP succeeds in the authenticated and the selected state", "",
                   Phase::kAuthenticated, 20);

}  // namespace
}  // namespace imapscope::probe
