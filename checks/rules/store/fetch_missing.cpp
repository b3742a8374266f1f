// store.fetch-missing — RFC 9051 §6.4.6: "Normally, STORE will return the updated value of the
// data with an untagged FETCH response. A suffix of ".SILENT" in the data item name prevents
// the untagged FETCH", and for FLAGS, +FLAGS and -FLAGS: "The new value of the flags is returned
// as if a FETCH of those flags was done." "Normally" is no RFC 2119 keyword: a warning.
//
// Judged only where the change is certain: the flags of the message were seen in a FETCH
// response (and followed through EXPUNGEs), the STORE changes them, every flag it names is
// permanent (§7.1 PERMANENTFLAGS: a server may ignore the others), it has no modifier
// (UNCHANGEDSINCE answers with MODIFIED instead, RFC 7162 §3.1.3), and it completed with OK.
// A STORE that changes nothing needs no FETCH (Dovecot sends none). The flags are those the
// selected-mailbox model holds for each message (analyzer/mailbox.h): followed through
// EXPUNGE and VANISHED, and compact (analyzer/flag_sets.h).
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks {
namespace {

using analyzer::Arg;
using analyzer::ArgKind;
using FlagSet = std::set<std::string>;  // upper case, as the model holds flags

bool is_recent(std::string_view flag) {
  return analyzer::iequals(flag, "\\Recent");
}

// Adds `flag` as the sets hold flags: upper case, and never \Recent, which "can not be altered
// by the client" (RFC 3501 §2.3.2).
void add_flag(FlagSet& set, std::string_view flag) {
  if (!is_recent(flag)) set.insert(analyzer::to_upper(flag));
}

// The flags a STORE names: its flag list, or the flags that follow the item without one
// (store-att-flags allows both). Read from the arguments as they are, every STORE.
FlagSet store_flags(const Arg& value) {
  FlagSet out;
  if (value.kind != ArgKind::kList) {
    add_flag(out, value.text);
    return out;
  }
  for (const Arg& f : value.children) {
    if (f.kind == ArgKind::kAtom || f.kind == ArgKind::kQuoted) add_flag(out, f.text);
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

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kStore, analyzer::CommandId::kUidStore};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kStore && cmd.id != CommandId::kUidStore) return;
    if (cmd.args.size() != 3 || cmd.args[1].kind != ArgKind::kAtom) return;  // no modifiers
    const std::string_view item = cmd.args[1].text;
    const bool replace = analyzer::iequals(item, "FLAGS");
    const bool add = analyzer::iequals(item, "+FLAGS");
    if (!replace && !add && !analyzer::iequals(item, "-FLAGS")) return;
    const analyzer::SelectedMailbox* mb = session().mailbox();
    if (mb == nullptr) return;
    const auto set = analyzer::SequenceSet::parse(cmd.args[0].text);
    if (!set || !mb->exists_known()) return;
    const FlagSet value = store_flags(cmd.args[2]);
    if (!all_permanent(*mb, value)) return;
    const bool uid = cmd.id == CommandId::kUidStore;
    Pending p{std::string(cmd.tag), {}, {}};
    std::uint32_t largest = mb->exists();
    if (uid) {
      const analyzer::MessageRecord* last = mb->message(mb->exists());
      if (last == nullptr || last->uid == 0) return;  // "*" would be unknown
      largest = last->uid;
    }
    // Whether the STORE changes the flags of message `m`, when they are known.
    const auto changes = [&](const analyzer::MessageRecord& m) {
      const analyzer::FlagSets::Flags* flags = mb->message_flags(m);
      if (flags == nullptr) return false;
      if (replace) return !same_flags(value, *flags);
      for (const std::string& f : value) {
        if (std::binary_search(flags->begin(), flags->end(), f) != add) return true;
      }
      return false;
    };
    // The messages the STORE names. By UID: the model's messages with known UIDs in each
    // range, found by bisection (O(log² n) per range, O(log n) per message), however large
    // the range or few the UIDs known. By number: from whichever of the set and the mailbox
    // is smaller, so a STORE costs O(min(set, mailbox)).
    const auto judge = [&](std::uint32_t seq, const analyzer::MessageRecord& m) {
      if (changes(m)) p.changed.insert(seq);
    };
    if (uid) {
      for (const analyzer::SequenceSet::Range& r : set->ranges()) {
        const analyzer::SequenceSet::Bounds b = r.bounds(largest);
        mb->for_each_uid_in(b.low, b.high, judge);
      }
    } else if (members(*set, largest) <= mb->tracked()) {
      for (const analyzer::SequenceSet::Range& r : set->ranges()) {
        const analyzer::SequenceSet::Bounds b = r.bounds(largest);
        for (std::uint64_t seq = b.low; seq <= b.high; ++seq) {
          const auto n = static_cast<std::uint32_t>(seq);
          if (const analyzer::MessageRecord* m = mb->message(n)) judge(n, *m);
        }
      }
    } else {
      mb->for_each_message([&](std::uint32_t seq, const analyzer::MessageRecord& m) {
        if (set->contains(seq, largest)) judge(seq, m);
      });
    }
    if (!p.changed.empty()) pending_.push_back(std::move(p));
  }

  // EXPUNGE, VANISHED (an "other" kind) and FETCH, judged only while a STORE is in progress.
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kExpunge, analyzer::UntaggedKind::kFetch,
            analyzer::UntaggedKind::kOther};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (pending_.empty()) return;
    if ((r.kind == analyzer::ResponseKind::kUntaggedNumber && r.name == "EXPUNGE") ||
        (r.kind == analyzer::ResponseKind::kUntaggedData && r.name == "VANISHED")) {
      pending_.clear();  // numbers shifted under a STORE in progress: not judged
      return;
    }
    if (info.fetch == nullptr || !info.fetch->flags) return;
    for (Pending& p : pending_)
      p.answered.insert(r.number);
  }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kStore, analyzer::CommandId::kUidStore};
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
                     cmd->name + place_note(cmd->origin) + " changed the flags of message " +
                         std::to_string(seq) + " but no FETCH returned their new value",
                     cmd->tag);
        return;
      }
      return;
    }
  }

 private:
  struct Pending {
    std::string tag;
    std::set<std::uint32_t> changed;
    std::set<std::uint32_t> answered;
  };

  // Every flag of `value` is one the client can change permanently (RFC 9051 §7.1
  // PERMANENTFLAGS; "\\*" allows any new keyword). Read from the list as the server gave it:
  // a handful of flags, compared in place on every STORE.
  static bool all_permanent(const analyzer::SelectedMailbox& mb, const FlagSet& value) {
    const auto& perm = mb.permanent_flags();
    if (!perm) return false;
    const bool keywords = std::find(perm->begin(), perm->end(), "\\*") != perm->end();
    for (const std::string& f : value) {
      const bool listed = std::any_of(perm->begin(), perm->end(),
                                      [&](std::string_view p) { return analyzer::iequals(p, f); });
      if (!listed && !(keywords && f[0] != '\\')) return false;
    }
    return true;
  }

  // Whether `value` (no \Recent) is the model's list `flags` (\Recent skipped): both upper
  // case and sorted.
  static bool same_flags(const FlagSet& value, const analyzer::FlagSets::Flags& flags) {
    auto v = value.begin();
    for (const std::string& f : flags) {
      if (is_recent(f)) continue;
      if (v == value.end() || *v != f) return false;
      ++v;
    }
    return v == value.end();
  }

  // How many numbers `set` names, ranges counted apart (an overlap counts twice): the
  // length of the walk over it.
  static std::uint64_t members(const analyzer::SequenceSet& set, std::uint32_t largest) {
    std::uint64_t n = 0;
    for (const analyzer::SequenceSet::Range& r : set.ranges()) {
      const analyzer::SequenceSet::Bounds b = r.bounds(largest);
      n += std::uint64_t{b.high} - b.low + 1;
    }
    return n;
  }

  std::vector<Pending> pending_;
};
IMAPSCOPE_RULE(StoreFetchMissing);

}  // namespace
}  // namespace imapscope::checks
