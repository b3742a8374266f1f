// namespace — RFC 9051 §6.3.10 (RFC 2342 §5): NAMESPACE answers one untagged NAMESPACE with
// three descriptions (personal, other users', shared), each NIL or a list of (prefix delimiter).
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void namespace_command(ScenarioContext& s) {
  Reply r = s.run("NAMESPACE");
  s.expect_ok(r);
  const auto ns = r.data("NAMESPACE");
  s.expect(ns.size() == 1,
           "exactly one untagged NAMESPACE response, got " + std::to_string(ns.size()));
  const auto& args = ns[0]->response.args;
  s.expect(args.size() == 3, "NAMESPACE holds three namespace descriptions, the server said '" +
                                 ns[0]->words() + "'");
  for (const analyzer::Arg& a : args)
    s.expect(a.is_atom("NIL") || (a.kind == analyzer::ArgKind::kList && !a.children.empty()),
             "each namespace is NIL or a non-empty list, the server said '" + ns[0]->words() + "'");
  s.expect(args[0].kind == analyzer::ArgKind::kList,
           "the probe's user has a personal namespace (RFC 2342 §4), the server said NIL");
}

IMAPSCOPE_SCENARIO(namespace_command, "namespace", "RFC 9051 §6.3.10; RFC 2342 §5",
                   "NAMESPACE returns personal, other users' and shared namespaces",
                   "NAMESPACE|IMAP4rev2", Phase::kAuthenticated, 30);

}  // namespace
}  // namespace imapscope::probe
