// starttls.command-pipelined — RFC 9051 §6.2.1 (and RFC 3501 §6.2.1, RFC 2595 §3.1): "Once a
// client issues a STARTTLS command, it MUST NOT issue further commands until a server response
// is seen and the TLS negotiation is complete." Anything the client sends in cleartext between
// STARTTLS and its tagged response is what the STARTTLS command injection attacks (CERT
// VU#555316, RFC 9051 §6.2.1) smuggle in. TLS handshake bytes are not commands: the analyzer
// stops decoding there. Reported once per STARTTLS, at the first command (or unparsable client
// line) after it.
#include <optional>
#include <string>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class StarttlsCommandPipelined final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"starttls.command-pipelined", Severity::kError, Side::kClient,
                                  "RFC 9051 §6.2.1",
                                  "client sends a command after STARTTLS before the server's "
                                  "tagged response to it"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    check(info, cmd.tag);
  }
  void on_syntax_error(const analyzer::SyntaxError& /*err*/,
                       const analyzer::MessageInfo& info) override {
    if (info.message.dir == capture::Direction::kClientToServer) check(info, {});
  }

 private:
  void check(const analyzer::MessageInfo& info, std::string_view tag) {
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id != analyzer::CommandId::kStarttls || reported_offset_ == c.offset) continue;
      reported_offset_ = c.offset;
      ctx().report(kInfo, info,
                   "sent while STARTTLS" + tag_note(c.tag, c.origin) +
                       " awaits its response; nothing may follow STARTTLS until then",
                   tag);
      return;
    }
  }

  std::optional<std::uint64_t> reported_offset_;  // the STARTTLS already reported
};
IMAPSCOPE_RULE(StarttlsCommandPipelined);

}  // namespace
}  // namespace imapscope::checks
