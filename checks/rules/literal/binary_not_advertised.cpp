// literal.binary-not-advertised — the client's ~{n} (literal8) comes from the BINARY extension:
// RFC 3516 §4.4 "The APPEND command is extended to allow the client to append data containing
// NULs by using the <literal8> syntax" (§7: append =/ ... SP literal8). IMAP4rev2 does not
// include it, RFC 9051 Appendix B: "it includes additional FETCH items (BINARY, BINARY.PEEK,
// and BINARY.SIZE) but not extensions to the APPEND command.  IMAP4rev2 implementations that
// support full [RFC3516] functionality need to also advertise the BINARY capability". Without
// BINARY a client literal8 is outside the grammar, and RFC 9051 §2.2.1: "Clients MUST follow
// the syntax outlined in this specification strictly."
#include <limits>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class LiteralBinaryNotAdvertised final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"literal.binary-not-advertised", Severity::kError, Side::kClient,
                                  "RFC 3516 §4.4, §7; RFC 9051 §2.2.1, Appendix B",
                                  "client sends a binary literal ~{n} to a server that does not "
                                  "advertise BINARY"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_literal_announced(const analyzer::Literal& literal,
                            const analyzer::MessageInfo& info) override {
    if (info.message.dir != capture::Direction::kClientToServer ||
        literal.kind != analyzer::LiteralKind::kBinary || session().has_capability("BINARY") ||
        info.message.offset == reported_) {
      return;
    }
    reported_ = info.message.offset;  // once per command
    ctx().report(kInfo, info,
                 "binary literal ~{" + std::to_string(literal.size) +
                     "}, but the server does not advertise BINARY (IMAP4rev2 alone does not "
                     "allow literal8 from the client)");
  }

 private:
  std::uint64_t reported_ = std::numeric_limits<std::uint64_t>::max();
};
IMAPSCOPE_RULE(LiteralBinaryNotAdvertised);

}  // namespace
}  // namespace imapscope::checks
