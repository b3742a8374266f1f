// select.required-responses, examine.read-only — RFC 9051 §6.3.2: SELECT's required untagged
// responses are FLAGS, EXISTS, LIST (rev2 only) and OK [UIDVALIDITY], OK [UIDNEXT] (RFC 3501
// §6.3.1 also RECENT); OK [PERMANENTFLAGS] is sent when flags can be changed; the tagged OK
// says [READ-WRITE]. §6.3.3: EXAMINE's tagged OK "MUST be [READ-ONLY]".
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

bool untagged_code(const Reply& r, std::string_view name) {
  for (const ResponsePtr& u : r.untagged)
    if (u->parsed && u->response.code && analyzer::iequals(u->response.code->name, name))
      return true;
  return false;
}

void select_required(ScenarioContext& s) {
  const std::string box = s.create_mailbox("select");
  s.append(box, test_message("select-1"));
  s.append(box, test_message("select-2"));
  Reply r = s.select(box);
  s.expect(r.data("FLAGS").size() == 1, "one untagged FLAGS response to SELECT");
  s.expect(exists(r) == 2u, "* 2 EXISTS after two APPENDs");
  s.expect(untagged_code(r, "UIDVALIDITY"), "OK [UIDVALIDITY n] in the SELECT responses");
  s.expect(untagged_code(r, "UIDNEXT"), "OK [UIDNEXT n] in the SELECT responses");
  s.expect(untagged_code(r, "PERMANENTFLAGS"),
           "OK [PERMANENTFLAGS (...)] for a mailbox whose flags can be changed");
  if (!s.has("IMAP4rev2"))
    s.expect(!r.data("RECENT").empty(), "* n RECENT in the SELECT responses (RFC 3501 §6.3.1)");
  s.expect(r.code("READ-WRITE") != nullptr,
           "tagged OK [READ-WRITE] to SELECT, the server said " + r.words());
  s.expect_ok(s.run("CLOSE"));
}

void examine_read_only(ScenarioContext& s) {
  Reply r = s.select(s.root(), true);
  s.expect(r.code("READ-ONLY") != nullptr,
           "tagged OK [READ-ONLY] to EXAMINE, the server said " + r.words());
  s.expect(exists(r).has_value(), "* n EXISTS in the EXAMINE responses");
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(select_required, "select.required-responses", "RFC 9051 §6.3.2; RFC 3501 §6.3.1",
                   "SELECT returns FLAGS, EXISTS, UIDVALIDITY, UIDNEXT, PERMANENTFLAGS, READ-WRITE",
                   "", Phase::kAuthenticated, 80);
IMAPSCOPE_SCENARIO(examine_read_only, "examine.read-only", "RFC 9051 §6.3.3",
                   "EXAMINE completes with OK [READ-ONLY]", "", Phase::kAuthenticated, 81);

}  // namespace
}  // namespace imapscope::probe
