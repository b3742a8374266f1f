// compress.command-pipelined — RFC 4978 §3: "The client MUST NOT send any further commands until
// it has seen the result of COMPRESS." Until then the client cannot know whether what it sends
// next must be compressed. Reported once per COMPRESS.
#include <optional>

#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

class CompressCommandPipelined final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"compress.command-pipelined", Severity::kError, Side::kClient,
                                  "RFC 4978 §3",
                                  "client sends a command before the result of COMPRESS"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id != analyzer::CommandId::kCompress || reported_ == c.offset) continue;
      reported_ = c.offset;
      ctx().report(
          kInfo, info,
          cmd.name + " sent while COMPRESS" + tag_note(c.tag, c.origin) + " awaits its result",
          cmd.tag);
      return;
    }
  }

 private:
  std::optional<std::uint64_t> reported_;
};
IMAPSCOPE_RULE(CompressCommandPipelined);

}  // namespace
}  // namespace imapscope::checks
