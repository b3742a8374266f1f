// literal.before-continuation — RFC 9051 §4.3: "In the case of synchronizing literals
// transmitted from client to server, the client MUST wait to receive a command continuation
// request (described later in this document) before sending the octet data (and the remainder
// of the command)." (RFC 3501 §4.3 says the same.) §7.6: "The client is not permitted to send
// the octets of the synchronizing literal unless the server indicates that it is expected."
// LITERAL+ / LITERAL- (RFC 7888) and IMAP4rev2 only allow the other form, {n+}; a {n} always
// waits for the "+". Fires when the first octet of a client {n} literal arrives before the
// continuation request that answers it (in a C:/S: transcript, file order is arrival order);
// reported once per command, at the command.
#include <limits>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class LiteralBeforeContinuation final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"literal.before-continuation", Severity::kError, Side::kClient,
                                  "RFC 9051 §4.3, §7.6",
                                  "client sends a synchronizing literal's octets before the "
                                  "server's continuation request"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_client_literal_data(const analyzer::Literal& literal, bool continued,
                              const analyzer::MessageInfo& info) override {
    if (continued || literal.kind != analyzer::LiteralKind::kSynchronizing) return;
    if (info.message.offset == reported_) return;  // once per command
    reported_ = info.message.offset;
    const std::string size = std::to_string(literal.size);
    ctx().report(kInfo, info,
                 "the " + size + " octets of synchronizing literal {" + size +
                     "} were sent before the server's continuation request; only the {" + size +
                     "+} form (LITERAL+, LITERAL- or IMAP4rev2) may be sent without waiting");
  }

 private:
  std::uint64_t reported_ = std::numeric_limits<std::uint64_t>::max();
};
IMAPSCOPE_RULE(LiteralBeforeContinuation);

}  // namespace
}  // namespace imapscope::checks
