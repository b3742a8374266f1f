// id.response-missing — RFC 2971 §3.2: "A server MUST send a tagged ID response to an ID
// command. However, a server MAY send NIL in place of the list." The ID response is untagged
// by the grammar (§4: response_data ::= "*" SPACE (... / id_response)), so "tagged" cannot
// mean the completion, which every command gets anyway: the MUST is for the untagged ID
// response. Note that §3.1's summary line says "Responses: OPTIONAL untagged response: ID";
// the normative sentence of §3.2 is what this rule enforces.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class IdResponseMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"id.response-missing", Severity::kError, Side::kServer,
                                  "RFC 2971 §3.2",
                                  "ID completed with OK without an untagged ID response"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_completions() const override { return {analyzer::CommandId::kId}; }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kId ||
        r.status != analyzer::Status::kOk || cmd->seen(analyzer::UntaggedKind::kId) > 0) {
      return;
    }
    ctx().report(kInfo, info,
                 "ID completed with OK but no untagged ID response (its list or NIL) was sent",
                 r.tag);
  }
};
IMAPSCOPE_RULE(IdResponseMissing);

}  // namespace
}  // namespace imapscope::checks
