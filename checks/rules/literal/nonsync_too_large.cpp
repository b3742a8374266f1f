// literal.nonsync-too-large — RFC 7888 §5: "when LITERAL- is advertised, non-synchronizing
// literals used in any command MUST NOT be larger than 4096 bytes.  Any literal larger than
// 4096 bytes MUST be sent as a synchronizing literal". RFC 9051 §4.3 makes the same limit part
// of IMAP4rev2: "Unless otherwise specified in an IMAP extension, non-synchronizing literals
// MUST NOT be larger than 4096 octets.  Any literal larger than 4096 bytes MUST be sent as a
// synchronizing literal." LITERAL+ is the extension that lifts the limit. A {n+} with no
// capability at all is literal.nonsync-not-advertised's concern.
#include <limits>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

constexpr std::uint64_t kLimit = 4096;

class LiteralNonsyncTooLarge final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"literal.nonsync-too-large", Severity::kError, Side::kClient,
                                  "RFC 7888 §5, RFC 9051 §4.3",
                                  "client sends a non-synchronizing literal larger than 4096 "
                                  "octets when only LITERAL- or IMAP4rev2 allows the form"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_literal_announced(const analyzer::Literal& literal,
                            const analyzer::MessageInfo& info) override {
    if (info.message.dir != capture::Direction::kClientToServer ||
        literal.kind != analyzer::LiteralKind::kNonSynchronizing || literal.size <= kLimit ||
        info.message.offset == reported_) {
      return;
    }
    if (session().has_capability("LITERAL+")) return;
    std::string why;
    if (session().has_capability("LITERAL-"))
      why = "LITERAL-";
    else if (session().has_capability("IMAP4rev2"))
      why = "IMAP4rev2 without LITERAL+";
    else
      return;  // no non-synchronizing literals at all: literal.nonsync-not-advertised
    reported_ = info.message.offset;  // once per command
    ctx().report(kInfo, info,
                 "non-synchronizing literal {" + std::to_string(literal.size) +
                     "+} is larger than 4096 octets, the limit under " + why +
                     "; it must be sent as a synchronizing literal");
  }

 private:
  std::uint64_t reported_ = std::numeric_limits<std::uint64_t>::max();
};
IMAPSCOPE_RULE(LiteralNonsyncTooLarge);

}  // namespace
}  // namespace imapscope::checks
