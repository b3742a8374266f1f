// logout.data-after-completion — RFC 9051 §6.1.3: "The server MUST send a BYE untagged response
// before the (tagged) OK response, and then close the network connection." Anything the server
// sends after that OK is sent on a connection it was to close. Reported once.
#include <optional>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class LogoutDataAfterCompletion final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"logout.data-after-completion", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.1.3",
                                  "server sends more after its tagged OK to LOGOUT"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_untagged(const analyzer::Response& /*r*/, const analyzer::MessageInfo& info) override {
    check(info);
  }
  void on_continuation(const analyzer::Response& /*r*/, analyzer::ContinuationTarget /*target*/,
                       const analyzer::MessageInfo& info) override {
    check(info);
  }
  void on_syntax_error(const analyzer::SyntaxError& /*error*/,
                       const analyzer::MessageInfo& info) override {
    if (info.message.dir == capture::Direction::kServerToClient) check(info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    check(info);
    if (cmd != nullptr && cmd->id == analyzer::CommandId::kLogout &&
        r.status == analyzer::Status::kOk && !logout_) {
      logout_ = info.message.origin;
    }
  }

 private:
  void check(const analyzer::MessageInfo& info) {
    if (!logout_ || reported_) return;
    reported_ = true;
    ctx().report(kInfo, info,
                 "sent after the tagged OK to LOGOUT" + place_note(*logout_) +
                     ", after which the server closes the connection");
  }

  std::optional<capture::Origin> logout_;  // of the tagged OK
  bool reported_ = false;
};
IMAPSCOPE_RULE(LogoutDataAfterCompletion);

}  // namespace
}  // namespace imapscope::checks
