// uidplus.appenduid-uidvalidity — RFC 4315 §3 (and RFC 9051 §7.1): APPENDUID is "Followed by
// the UIDVALIDITY of the destination mailbox and the UID assigned to the appended message in
// the destination mailbox". RFC 9051 §6.3.12: "On successful completion of an APPEND, the
// server returns an APPENDUID response code". When the destination is the mailbox selected
// right now, its UIDVALIDITY is the one the selection announced: the unique identifier
// validity value is sent "at mailbox selection time" (RFC 9051 §2.3.1.1) and holds for the
// session. An APPENDUID with another value states something false about the mailbox; this is
// the definition of the response code rather than an RFC 2119 keyword, and it is reported as
// an error.
//
// Mailbox names are compared as values (quoted "INBOX" is INBOX, INBOX in any case, RFC 9051
// §5.1), and only names that are certainly the same mailbox are judged (checks/rules/
// mailbox_name.h): other names may or may not be the same on a case-insensitive server. The
// selection is followed here from SELECT/EXAMINE to CLOSE, UNSELECT or a failed selection.
#include <map>
#include <optional>
#include <string>

#include "analyzer/message_data.h"
#include "checks/rule.h"
#include "checks/rules/mailbox_name.h"

namespace imapscope::checks {
namespace {

class UidplusAppenduidUidvalidity final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"uidplus.appenduid-uidvalidity", Severity::kError, Side::kServer,
                                  "RFC 4315 §3, RFC 9051 §7.1",
                                  "APPENDUID for the selected mailbox carries another "
                                  "UIDVALIDITY than the selection announced"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kSelect, analyzer::CommandId::kExamine,
            analyzer::CommandId::kAppend};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kSelect && cmd.id != CommandId::kExamine &&
        cmd.id != CommandId::kAppend) {
      return;
    }
    if (cmd.args.empty()) return;
    if (std::optional<std::string> name = mailbox_name::astring_value(cmd.args[0], info.message)) {
      names_[info.message.offset] = std::move(*name);
    }
  }

  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd == nullptr) return;
    std::optional<std::string> name;
    if (const auto it = names_.find(cmd->offset); it != names_.end()) {
      name = std::move(it->second);
      names_.erase(it);
    }
    const bool ok = r.status == analyzer::Status::kOk;
    switch (cmd->id) {
      case CommandId::kSelect:
      case CommandId::kExamine:
        selected_ = ok ? name : std::nullopt;  // a failed SELECT deselects (RFC 9051 §6.3.2)
        return;
      case CommandId::kClose:
      case CommandId::kUnselect:
      case CommandId::kUnauthenticate:
        if (ok) selected_.reset();
        return;
      case CommandId::kAppend:
        if (ok && name) check(r, *name, info);
        return;
      default:
        return;
    }
  }

 private:
  void check(const analyzer::Response& r, const std::string& destination,
             const analyzer::MessageInfo& info) {
    if (!r.code || !analyzer::iequals(r.code->name, "APPENDUID")) return;
    if (!selected_ || !mailbox_name::surely_same(*selected_, destination)) return;
    const analyzer::SelectedMailbox* mb = session().mailbox();
    if (mb == nullptr || !mb->selection_complete() || !mb->uidvalidity()) return;
    const std::optional<std::uint64_t> uidvalidity =
        analyzer::read_number(analyzer::code_word(r.code->text, 0));
    if (!uidvalidity || *uidvalidity == *mb->uidvalidity()) return;
    ctx().report(kInfo, info,
                 "APPENDUID UIDVALIDITY " + std::to_string(*uidvalidity) + " for '" + destination +
                     "', the selected mailbox, whose UIDVALIDITY is " +
                     std::to_string(*mb->uidvalidity()),
                 r.tag);
  }

  std::map<std::uint64_t, std::string> names_;  // mailbox of SELECT/EXAMINE/APPEND, by offset
  std::optional<std::string> selected_;         // the mailbox selected, as the client named it
};
IMAPSCOPE_RULE(UidplusAppenduidUidvalidity);

}  // namespace
}  // namespace imapscope::checks
