// store.fetch-missing — RFC 9051 §6.4.6: "Normally, STORE will return the updated value of the
// data with an untagged FETCH response. A suffix of ".SILENT" in the data item name prevents
// the untagged FETCH", and for FLAGS, +FLAGS and -FLAGS: "The new value of the flags is returned
// as if a FETCH of those flags was done." "Normally" is no RFC 2119 keyword: a warning.
//
// Judged only where the change is certain: the flags of the message were seen in a FETCH
// response (and followed through EXPUNGEs), the STORE changes them, every flag it names is
// permanent (§7.1 PERMANENTFLAGS: a server may ignore the others), it has no modifier
// (UNCHANGEDSINCE answers with MODIFIED instead, RFC 7162 §3.1.3), and it completed with OK.
// A STORE that changes nothing needs no FETCH (Dovecot sends none). The flags are followed for
// at most kMaxTracked messages.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

using analyzer::Arg;
using analyzer::ArgKind;
using FlagSet = std::set<std::string>;

FlagSet flag_set(const std::vector<std::string_view>& flags) {
  FlagSet out;
  for (std::string_view f : flags) {
    std::string u = analyzer::to_upper(f);
    if (u != "\\RECENT") out.insert(std::move(u));  // "cannot be altered by the client"
  }
  return out;
}

class StoreFetchMissing final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"store.fetch-missing", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §6.4.6",
                                  "STORE without .SILENT changed a message's flags but sent no "
                                  "FETCH with them"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    using analyzer::CommandId;
    if (cmd.id == CommandId::kSelect || cmd.id == CommandId::kExamine) {
      known_.clear();
      return;
    }
    if (cmd.id != CommandId::kStore && cmd.id != CommandId::kUidStore) return;
    if (cmd.args.size() != 3 || cmd.args[1].kind != ArgKind::kAtom) return;  // no modifiers
    const std::string item = analyzer::to_upper(cmd.args[1].text);
    if (item != "FLAGS" && item != "+FLAGS" && item != "-FLAGS") return;
    const analyzer::SelectedMailbox* mb = session().mailbox();
    const auto set = analyzer::SequenceSet::parse(cmd.args[0].text);
    if (mb == nullptr || !set || !mb->exists_known()) return;
    const FlagSet value = flag_set(cmd.args[2].kind == ArgKind::kList
                                       ? analyzer::list_atoms(cmd.args[2])
                                       : std::vector<std::string_view>{cmd.args[2].text});
    if (!all_permanent(*mb, value)) return;
    const bool uid = cmd.id == CommandId::kUidStore;
    Pending p{std::string(cmd.tag), {}, {}};
    std::uint32_t largest = mb->exists();
    if (uid) {
      const analyzer::MessageRecord* last = mb->message(mb->exists());
      if (last == nullptr || last->uid == 0) return;  // "*" would be unknown
      largest = last->uid;
    }
    for (const auto& [seq, flags] : known_) {
      const analyzer::MessageRecord* m = mb->message(seq);
      const std::uint32_t key = uid ? (m != nullptr ? m->uid : 0) : seq;
      if (key == 0 || !set->contains(key, largest)) continue;
      FlagSet next = item == "FLAGS" ? value : flags;
      if (item == "+FLAGS") next.insert(value.begin(), value.end());
      if (item == "-FLAGS") {
        for (const std::string& f : value)
          next.erase(f);
      }
      if (next != flags) p.changed.insert(seq);
    }
    if (!p.changed.empty()) pending_.push_back(std::move(p));
  }

  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind == analyzer::ResponseKind::kUntaggedNumber && r.name == "EXPUNGE") {
      expunge(r.number);
      return;
    }
    if (r.kind == analyzer::ResponseKind::kUntaggedData && r.name == "VANISHED") {
      known_.clear();  // UIDs, not numbers: start over
      pending_.clear();
      return;
    }
    if (info.fetch == nullptr || !info.fetch->flags) return;
    for (Pending& p : pending_)
      p.answered.insert(r.number);
    if (known_.size() < kMaxTracked || known_.count(r.number) != 0) {
      known_[r.number] = flag_set(*info.fetch->flags);
    }
  }

  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    if (cmd == nullptr) return;
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->tag != cmd->tag) continue;
      const Pending p = std::move(*it);
      pending_.erase(it);
      if (r.status != analyzer::Status::kOk) return;
      for (std::uint32_t seq : p.changed) {
        if (p.answered.count(seq) != 0) continue;
        ctx().report(kInfo, info,
                     cmd->name + " (line " + std::to_string(cmd->origin.line) +
                         ") changed the flags of message " + std::to_string(seq) +
                         " but no FETCH returned their new value",
                     cmd->tag);
        return;
      }
      return;
    }
  }

 private:
  static constexpr std::size_t kMaxTracked = 10000;

  struct Pending {
    std::string tag;
    std::set<std::uint32_t> changed;
    std::set<std::uint32_t> answered;
  };

  static bool all_permanent(const analyzer::SelectedMailbox& mb, const FlagSet& value) {
    const auto& perm = mb.permanent_flags();
    if (!perm) return false;
    const FlagSet allowed = flag_set(std::vector<std::string_view>(perm->begin(), perm->end()));
    const bool keywords = allowed.count("\\*") != 0;
    for (const std::string& f : value) {
      if (allowed.count(f) == 0 && !(keywords && f[0] != '\\')) return false;
    }
    return true;
  }

  void expunge(std::uint32_t n) {
    std::map<std::uint32_t, FlagSet> shifted;
    for (auto& [seq, flags] : known_) {
      if (seq < n)
        shifted.emplace(seq, std::move(flags));
      else if (seq > n)
        shifted.emplace(seq - 1, std::move(flags));
    }
    known_.swap(shifted);
    pending_.clear();  // numbers shifted under a STORE in progress: not judged
  }

  std::map<std::uint32_t, FlagSet> known_;  // message number → flags last seen
  std::vector<Pending> pending_;
};
IMAPSCOPE_RULE(StoreFetchMissing);

}  // namespace
}  // namespace imapscope::checks
