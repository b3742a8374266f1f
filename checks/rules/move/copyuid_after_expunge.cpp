// move.copyuid-after-expunge — RFC 9051 §6.4.8: "Servers are also REQUIRED to send the COPYUID
// response code in an untagged OK before sending EXPUNGE or similar responses." Judged for
// IMAP4rev2 (RFC 6851 §4.3 only advises it): a COPYUID, in an untagged or the tagged OK of a
// MOVE / UID MOVE, naming a source UID whose EXPUNGE or VANISHED came before it. Unrelated
// EXPUNGEs (of messages not in the COPYUID source set) are "normal IMAP operation" (§6.4.8).
#include <set>
#include <string>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "analyzer/typed/data_response.h"
#include "analyzer/typed/response_code.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class MoveCopyuidAfterExpunge final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"move.copyuid-after-expunge", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.4.8",
                                  "MOVE's COPYUID comes after the EXPUNGE or VANISHED of a "
                                  "message it names"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (!moving()) {
      expunged_.clear();
      return;
    }
    if (r.kind == analyzer::ResponseKind::kUntaggedNumber && r.name == "EXPUNGE") {
      const analyzer::SelectedMailbox* mb = session().mailbox();
      const analyzer::MessageRecord* m = mb ? mb->message(r.number) : nullptr;
      if (m != nullptr && m->uid != 0) expunged_.insert(m->uid);
    } else if (r.kind == analyzer::ResponseKind::kUntaggedData && r.name == "VANISHED") {
      if (const auto vanished = analyzer::typed::read_vanished_response(r)) {
        for (const auto& range : vanished->uids.ranges()) {
          if (range.first == analyzer::SequenceSet::kStar || range.last - range.first > 100000)
            continue;
          for (std::uint32_t u = range.first; u <= range.last && u != 0; ++u)
            expunged_.insert(u);
        }
      }
    } else if (r.kind == analyzer::ResponseKind::kUntaggedStatus) {
      check(r, info);
    }
  }
  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kMove, analyzer::CommandId::kUidMove};
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr) return;
    if (cmd->id == analyzer::CommandId::kMove || cmd->id == analyzer::CommandId::kUidMove) {
      check(r, info);
      expunged_.clear();
    }
  }

 private:
  bool moving() const {
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (c.id == analyzer::CommandId::kMove || c.id == analyzer::CommandId::kUidMove) return true;
    }
    return false;
  }
  void check(const analyzer::Response& r, const analyzer::MessageInfo& info) {
    if (!r.code || !analyzer::iequals(r.code->name, "COPYUID") || expunged_.empty()) return;
    if (!session().imap4rev2_in_force()) return;
    const auto code = analyzer::typed::read_response_code(*r.code);
    if (!code) return;
    const analyzer::SequenceSet& source = *code->source_uids;
    for (std::uint32_t uid : expunged_) {
      if (!source.contains(uid, 0)) continue;
      ctx().report(kInfo, info,
                   "COPYUID names UID " + std::to_string(uid) +
                       ", whose removal was announced before it; COPYUID must come first");
      expunged_.clear();
      return;
    }
  }

  std::set<std::uint32_t> expunged_;  // UIDs removed during the MOVE in progress
};
IMAPSCOPE_RULE(MoveCopyuidAfterExpunge);

}  // namespace
}  // namespace imapscope::checks
