// fetch.uid-missing — RFC 9051 §6.4.9: "server implementations MUST implicitly include the UID
// message data item as part of any FETCH response caused by a UID command, regardless of
// whether a UID was specified as a message data item to the FETCH." Judged while only UID
// commands are in progress, so that a FETCH is surely caused by one of them.
#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

bool is_uid_command(analyzer::CommandId id) {
  using analyzer::CommandId;
  return id == CommandId::kUidFetch || id == CommandId::kUidStore || id == CommandId::kUidSearch ||
         id == CommandId::kUidCopy || id == CommandId::kUidMove || id == CommandId::kUidExpunge ||
         id == CommandId::kUidSort || id == CommandId::kUidThread;
}

class FetchUidMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"fetch.uid-missing", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.4.9",
                                  "FETCH response caused by a UID command lacks the UID item"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr) return;  // set for untagged FETCH responses only
    const auto& in_flight = session().in_flight();
    if (in_flight.empty()) return;
    for (const analyzer::InFlightCommand& c : in_flight) {
      if (!is_uid_command(c.id)) return;
    }
    const analyzer::FetchData& d = *info.fetch;
    if (d.uid || !d.well_formed) return;
    ctx().report(kInfo, info,
                 "FETCH for message " + std::to_string(r.number) + " during " +
                     in_flight.front().name + " (tag '" + in_flight.front().tag +
                     "') has no UID item",
                 in_flight.front().tag);
  }
};
IMAPSCOPE_RULE(FetchUidMissing);

}  // namespace
}  // namespace imapscope::checks
