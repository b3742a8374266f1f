// id.server — RFC 2971 §3.1: ID is answered with one untagged ID response (a list of
// field/value pairs or NIL) and OK. The report records what the server says it is.
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void id_server(ScenarioContext& s) {
  Reply r = s.run("ID (\"name\" \"imapscope\" \"vendor\" \"imapscope probe\")");
  s.expect_ok(r);
  const auto ids = r.data("ID");
  s.expect(ids.size() == 1,
           "exactly one untagged ID response (RFC 2971 §3.1), got " + std::to_string(ids.size()));
  const std::string words = ids[0]->words();
  s.set_server_id(words.size() > 5 ? words.substr(5) : words);  // after "* ID "
  const auto& args = ids[0]->response.args;
  s.expect(args.size() == 1 && (args[0].kind == analyzer::ArgKind::kList || args[0].is_atom("NIL")),
           "the ID response must be a parenthesized list or NIL, the server said '" + words + "'");
  if (args[0].kind == analyzer::ArgKind::kList)
    s.expect(args[0].children.size() % 2 == 0, "the ID list must hold field/value pairs");
}

IMAPSCOPE_SCENARIO(id_server, "id.server", "RFC 2971 §3.1, §3.3",
                   "ID gets one untagged ID (field/value pairs) and OK", "ID",
                   Phase::kAuthenticated, 15);

}  // namespace
}  // namespace imapscope::probe
