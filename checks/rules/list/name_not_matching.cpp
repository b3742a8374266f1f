// list.name-not-matching — RFC 9051 §6.3.9: "An empty ("" string) reference name argument
// indicates that the mailbox name is interpreted as by SELECT. The returned mailbox names MUST
// match the supplied mailbox name pattern(s)." (RFC 3501 §6.3.8, §6.3.9 alike for LIST and
// LSUB.) "*" matches zero or more characters at this position, "%" the same but not the
// hierarchy delimiter (§6.3.9); INBOX is case-insensitive (§5.1).
//
// Judged only where the match is certain: an empty reference (a non-empty one is interpreted
// by the server), patterns that are non-empty (LIST "" "" asks for the delimiter), plain ASCII
// and not starting with "~" or "#" (home directory and namespace conventions, §5.1.2), LIST
// responses without extended data (CHILDINFO returns non-matching parents, §6.3.9.6) or
// \NonExistent, and only while nothing else that sends LIST responses (SELECT, CREATE, RENAME,
// an unknown command) is in progress.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/rule.h"
#include "checks/rules/mailbox_name.h"

namespace imapscope::checks {
namespace {

using analyzer::Arg;
using analyzer::ArgKind;

// Whether `name` matches `pattern` ("*": anything, "%": anything but `delim`).
bool glob_match(std::string_view name, std::string_view pattern, std::optional<char> delim) {
  // can[j]: pattern[0..i) matches name[0..j).
  std::vector<char> can(name.size() + 1, 0), next(name.size() + 1, 0);
  can[0] = 1;
  for (char p : pattern) {
    std::fill(next.begin(), next.end(), 0);
    if (p == '*' || p == '%') {
      bool reach = false;
      for (std::size_t j = 0; j <= name.size(); ++j) {
        if (can[j]) reach = true;
        next[j] = reach ? 1 : 0;
        if (j < name.size() && p == '%' && delim && name[j] == *delim) reach = false;
      }
    } else {
      for (std::size_t j = 0; j < name.size(); ++j) {
        if (can[j] && name[j] == p) next[j + 1] = 1;
      }
    }
    can.swap(next);
  }
  return can[name.size()] != 0;
}

// "INBOX" spelled in any case at the start of a name (as the whole name or its top level) or
// of a pattern (where a wildcard may follow it), spelled the one way.
std::string fold_inbox(std::string_view s, std::optional<char> delim, bool pattern) {
  if (s.size() >= 5 && analyzer::iequals(s.substr(0, 5), "INBOX") &&
      (pattern || s.size() == 5 || (delim && s[5] == *delim))) {
    return "INBOX" + std::string(s.substr(5));
  }
  return std::string(s);
}

struct ListCommand {
  std::string tag;
  bool lsub = false;
  bool judged = false;
  std::vector<std::string> patterns;
};

class ListNameNotMatching final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"list.name-not-matching", Severity::kError, Side::kServer,
                                  "RFC 9051 §6.3.9, RFC 3501 §6.3.8",
                                  "LIST or LSUB returns a name that does not match the pattern"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kList, analyzer::CommandId::kLsub};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    if (cmd.id != CommandId::kList && cmd.id != CommandId::kLsub) return;
    ListCommand c{std::string(cmd.tag), cmd.id == CommandId::kLsub, false, {}};
    std::size_t i = 0;
    if (!c.lsub && !cmd.args.empty() && cmd.args[0].kind == ArgKind::kList) ++i;  // selection
    if (cmd.args.size() >= i + 2) {
      const auto reference = mailbox_name::astring_value(cmd.args[i], info.message);
      const Arg& pat = cmd.args[i + 1];
      c.judged = reference && reference->empty();
      if (pat.kind == ArgKind::kList) {
        for (const Arg& p : pat.children)
          add_pattern(c, p, info.message);
      } else {
        add_pattern(c, pat, info.message);
      }
      if (c.patterns.empty()) c.judged = false;
    }
    commands_.push_back(std::move(c));
  }
  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr) return;
    std::erase_if(commands_, [&](const ListCommand& c) { return c.tag == cmd->tag; });
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kList, analyzer::UntaggedKind::kLsub};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedData || (r.name != "LIST" && r.name != "LSUB"))
      return;
    if (r.args.size() != 3 || r.args[0].kind != ArgKind::kList) return;
    for (const Arg& attr : r.args[0].children) {
      if (attr.is_atom("\\NONEXISTENT")) return;
    }
    const bool lsub = r.name == "LSUB";
    std::vector<const ListCommand*> asking;
    for (const analyzer::InFlightCommand& f : session().in_flight()) {
      const ListCommand* c = find(f.tag);
      if (c == nullptr) {
        if (!harmless(f.id)) return;
        continue;
      }
      if (c->lsub != lsub) continue;
      if (!c->judged) return;
      asking.push_back(c);
    }
    if (asking.empty()) return;
    std::optional<char> delim;
    if (r.args[1].kind == ArgKind::kQuoted) {
      const auto d = mailbox_name::astring_value(r.args[1], info.message);
      if (!d || d->size() != 1) return;
      delim = (*d)[0];
    } else if (!r.args[1].is_atom("NIL")) {
      return;
    }
    const auto name = mailbox_name::astring_value(r.args[2], info.message);
    if (!name || !mailbox_name::ascii_only(*name)) return;
    const std::string folded = fold_inbox(*name, delim, false);
    for (const ListCommand* c : asking) {
      for (const std::string& p : c->patterns) {
        if (glob_match(*name, p, delim) || glob_match(folded, fold_inbox(p, delim, true), delim)) {
          return;
        }
      }
    }
    std::string patterns;
    for (const ListCommand* c : asking) {
      for (const std::string& p : c->patterns)
        patterns += (patterns.empty() ? "\"" : ", \"") + p + "\"";
    }
    ctx().report(kInfo, info,
                 r.name + " returns \"" + *name + "\", which does not match " + patterns,
                 asking.front()->tag);
  }

 private:
  static void add_pattern(ListCommand& c, const Arg& a, const analyzer::Message& m) {
    const auto p = mailbox_name::astring_value(a, m);
    if (!p || p->empty() || (*p)[0] == '~' || (*p)[0] == '#' || !mailbox_name::ascii_only(*p)) {
      c.judged = false;
      return;
    }
    c.patterns.push_back(*p);
  }
  // Commands that never send LIST or LSUB responses.
  static bool harmless(analyzer::CommandId id) {
    using analyzer::CommandId;
    switch (id) {
      case CommandId::kSelect:
      case CommandId::kExamine:
      case CommandId::kCreate:
      case CommandId::kRename:
      case CommandId::kDelete:
      case CommandId::kSubscribe:
      case CommandId::kUnsubscribe:
      case CommandId::kUnknown:
        return false;
      default:
        return true;
    }
  }
  const ListCommand* find(std::string_view tag) const {
    for (const ListCommand& c : commands_) {
      if (c.tag == tag) return &c;
    }
    return nullptr;
  }

  std::vector<ListCommand> commands_;
};
IMAPSCOPE_RULE(ListNameNotMatching);

}  // namespace
}  // namespace imapscope::checks
