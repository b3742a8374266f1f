// uidplus.copyuid-mismatch — RFC 4315 §3 (and RFC 9051 §7.1): COPYUID is "Followed by the
// UIDVALIDITY of the destination mailbox, a UID set containing the UIDs of the message(s) in
// the source mailbox that were copied to the destination mailbox and containing the UIDs
// assigned to the copied message(s) in the destination mailbox". "The source UID set is in
// the order the message(s) were copied; the destination UID set corresponds to the source UID
// set and is in the same order." A destination set naming another number of messages than the
// source set cannot correspond to it, and the client cannot map the copies. This is the
// definition of the response code rather than an RFC 2119 keyword; a COPYUID that breaks it
// states something false, so it is an error. Sets are counted with their ranges (12:10 is
// 10,11,12); sets with "*" (not allowed in UID sets) or that do not parse are left to the
// syntax rules. Judged wherever COPYUID appears: COPY's and UID COPY's tagged OK, and MOVE's
// untagged OK.
#include <optional>
#include <string>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "analyzer/typed/response_code.h"
#include "checks/rule.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class UidplusCopyuidMismatch final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"uidplus.copyuid-mismatch", Severity::kError, Side::kServer,
                                  "RFC 4315 §3, RFC 9051 §7.1",
                                  "COPYUID's source and destination UID sets name different "
                                  "numbers of messages"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override { return response_watch::kCoded; }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    check(r, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* /*cmd*/,
                     const analyzer::MessageInfo& info) override {
    check(r, info);
  }

 private:
  void check(const analyzer::Response& r, const analyzer::MessageInfo& info) {
    if (!r.code || !analyzer::iequals(r.code->name, "COPYUID")) return;
    // Malformed arguments (a "*", a missing set) are the syntax rules' to report.
    const auto code = analyzer::typed::read_response_code(*r.code);
    if (!code) return;
    const std::string_view source_text = analyzer::code_word(r.code->text, 1);
    const std::string_view dest_text = analyzer::code_word(r.code->text, 2);
    const std::uint64_t n_source = code->source_uids->count(0);
    const std::uint64_t n_dest = code->uids->count(0);
    if (n_source == n_dest) return;
    ctx().report(kInfo, info,
                 "COPYUID source set " + std::string(source_text) + " names " +
                     std::to_string(n_source) + " message(s), destination set " +
                     std::string(dest_text) + " names " + std::to_string(n_dest),
                 r.tag);
  }
};
IMAPSCOPE_RULE(UidplusCopyuidMismatch);

}  // namespace
}  // namespace imapscope::checks
