// tag.unknown — RFC 9051 §2.2.2: the completion response "is tagged with the same tag as the
// client command that began the operation". A tag no command in progress carries answers
// nothing the client sent.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class TagUnknown final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"tag.unknown", Severity::kError, Side::kServer, "RFC 9051 §2.2.2",
                                  "tagged response for a tag that no command in progress has"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd != nullptr || session().recently_completed(r.tag)) return;
    ctx().report(kInfo, info,
                 "tagged " + std::string(analyzer::status_name(r.status)) + " for tag '" +
                     std::string(r.tag) + "', which no command in progress has",
                 r.tag);
  }
};
IMAPSCOPE_RULE(TagUnknown);

}  // namespace
}  // namespace imapscope::checks
