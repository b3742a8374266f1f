// authenticate.cancel-not-rejected — RFC 9051 §6.2.2: "If the client wishes to cancel an
// authentication exchange, it issues a line consisting of a single "*". If the server receives
// such a response ... it MUST reject the AUTHENTICATE command by sending a tagged BAD response."
#include <algorithm>
#include <string>
#include <vector>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class AuthenticateCancelNotRejected final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"authenticate.cancel-not-rejected", Severity::kError,
                                  Side::kServer, "RFC 9051 §6.2.2",
                                  "AUTHENTICATE cancelled with \"*\" not answered with a tagged "
                                  "BAD"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_exchange_line(const analyzer::InFlightCommand* cmd,
                        const analyzer::MessageInfo& info) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kAuthenticate) return;
    if (info.message.first_line() == "*") cancelled_.push_back(cmd->tag);
  }
  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kAuthenticate};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr) return;
    const auto it = std::find(cancelled_.begin(), cancelled_.end(), cmd->tag);
    if (it == cancelled_.end()) return;
    cancelled_.erase(it);
    if (r.status == analyzer::Status::kBad) return;
    ctx().report(kInfo, info,
                 "AUTHENTICATE" + place_note(cmd->origin) + " cancelled with \"*\" was answered " +
                     std::string(analyzer::status_name(r.status)) + " instead of BAD",
                 cmd->tag);
  }

 private:
  std::vector<std::string> cancelled_;
};
IMAPSCOPE_RULE(AuthenticateCancelNotRejected);

}  // namespace
}  // namespace imapscope::checks
