// authenticate.not-base64 — RFC 9051 §6.2.2: "The client response consists of a single line
// consisting of a base64-encoded string.  If the client wishes to cancel an authentication
// exchange, it issues a line consisting of a single "*"." and "As with any other client
// response, the initial response MUST be encoded as base64." The formal syntax (§9) is
// authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp] *(CRLF base64), with
// base64 = *(4base64-char) [base64-terminal] (RFC 4648 §4), so an empty line is an empty
// response and "=" may only pad the last group; §2.2.1: "Clients MUST follow the syntax
// outlined in this specification strictly." (RFC 3501 §6.2.2 says the same.) The line is a
// SASL credential: the report never shows its content.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// Why `line` is not base64 (RFC 9051 §9), or empty when it is.
std::string_view base64_problem(std::string_view line) {
  std::size_t data = line.size();
  while (data > 0 && line[data - 1] == '=')
    --data;
  for (std::size_t i = 0; i < data; ++i) {
    if (line[i] == '=') return "has '=' padding before its end";
    if (!is_base64_char(line[i])) return "has a character outside the base64 alphabet";
  }
  if (line.size() - data > 2) return "has more than two '=' pad characters";
  if (line.size() % 4 != 0) return "has a length that is not a multiple of 4";
  return {};
}

class AuthenticateNotBase64 final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"authenticate.not-base64", Severity::kError, Side::kClient,
                                  "RFC 9051 §6.2.2, §9, §2.2.1",
                                  "AUTHENTICATE response line is neither base64 nor \"*\""};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_exchange_line(const analyzer::InFlightCommand* command,
                        const analyzer::MessageInfo& info) override {
    if (command == nullptr || command->id != analyzer::CommandId::kAuthenticate) return;
    const analyzer::Message& m = info.message;
    if (!m.complete || m.lines.empty() || m.lines[0].truncated) return;
    const std::string_view line = m.first_line();
    if (line == "*") return;  // cancels the exchange
    const std::string_view problem = base64_problem(line);
    if (problem.empty()) return;
    ctx().report(kInfo, info,
                 "client answer to AUTHENTICATE (tag '" + command->tag +
                     "') is neither base64 nor \"*\": it " + std::string(problem),
                 command->tag);
  }
};
IMAPSCOPE_RULE(AuthenticateNotBase64);

}  // namespace
}  // namespace imapscope::checks
