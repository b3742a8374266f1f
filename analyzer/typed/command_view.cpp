#include "analyzer/typed/command_view.h"

#include "analyzer/message_data.h"

namespace imapscope::analyzer::typed {
namespace {

bool read_set(const Arg& a, SequenceSetArg& out) {
  if (a.kind != ArgKind::kAtom) return false;
  out.text = a.text;
  if (a.text == "$") return true;
  out.set = SequenceSet::parse(a.text);
  return out.set.has_value();
}

// A modifier list "(NAME value NAME ...)": the number following `upper`, when present.
bool modifier_number(const Arg& list, std::string_view upper, std::optional<std::uint64_t>& out) {
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    if (!list.children[i].is_atom(upper)) continue;
    if (i + 1 >= list.children.size()) return false;
    out = read_number(list.children[i + 1].text, UINT64_MAX);
    return out.has_value();
  }
  return true;
}

bool read_fetch_items(const Arg& a, FetchCommand& f) {
  if (a.kind == ArgKind::kAtom) {
    if (a.is_atom("ALL") || a.is_atom("FAST") || a.is_atom("FULL")) {
      f.macro = a.text;
      return true;
    }
    auto att = read_fetch_attribute(a.text);
    if (!att) return false;
    f.items.push_back(std::move(*att));
    return true;
  }
  if (a.kind != ArgKind::kList || a.children.empty()) return false;
  for (const Arg& child : a.children) {
    if (child.kind != ArgKind::kAtom) return false;
    auto att = read_fetch_attribute(child.text);
    if (!att) return false;
    f.items.push_back(std::move(*att));
  }
  return true;
}

bool read_mailbox(const Arg& a, const Message& m, ImapString& out) {
  return read_string(a, m, out, false);
}

bool read_qresync(const Arg& a, SelectCommand::Qresync& q) {
  // "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
  if (a.kind != ArgKind::kList || a.children.size() < 2 || a.children.size() > 4) return false;
  const auto validity = read_number(a.children[0].text);
  const auto modseq = read_number(a.children[1].text, UINT64_MAX);
  if (!validity || *validity == 0 || !modseq) return false;
  q.uidvalidity = static_cast<std::uint32_t>(*validity);
  q.modseq = *modseq;
  for (std::size_t i = 2; i < a.children.size(); ++i) {
    const Arg& c = a.children[i];
    if (c.kind == ArgKind::kList) {  // seq-match-data = "(" known-sequence-set SP known-uid-set ")"
      if (c.children.size() != 2) return false;
      SequenceSetArg seqs, uids;
      if (!read_set(c.children[0], seqs) || !read_set(c.children[1], uids)) return false;
      q.known_sequence_numbers = seqs;
      q.known_sequence_uids = uids;
    } else {
      SequenceSetArg uids;
      if (i != 2 || !read_set(c, uids)) return false;
      q.known_uids = uids;
    }
  }
  return true;
}

}  // namespace

bool FetchCommand::asks_for(std::string_view upper) const {
  for (const FetchAttribute& a : items) {
    if (a.is(upper)) return true;
  }
  return false;
}

std::optional<FetchCommand> read_fetch_command(const Command& cmd) {
  if (cmd.id != CommandId::kFetch && cmd.id != CommandId::kUidFetch) return std::nullopt;
  if (cmd.args.size() < 2 || cmd.args.size() > 3) return std::nullopt;
  FetchCommand f;
  f.uid = cmd.id == CommandId::kUidFetch;
  if (!read_set(cmd.args[0], f.set) || !read_fetch_items(cmd.args[1], f)) return std::nullopt;
  if (cmd.args.size() == 3) {
    const Arg& mods = cmd.args[2];
    if (mods.kind != ArgKind::kList) return std::nullopt;
    if (!modifier_number(mods, "CHANGEDSINCE", f.changedsince)) return std::nullopt;
    for (const Arg& c : mods.children) {
      if (c.is_atom("VANISHED")) f.vanished = true;
    }
  }
  return f;
}

std::optional<StoreCommand> read_store_command(const Command& cmd) {
  if (cmd.id != CommandId::kStore && cmd.id != CommandId::kUidStore) return std::nullopt;
  StoreCommand s;
  s.uid = cmd.id == CommandId::kUidStore;
  if (cmd.args.size() < 3 || !read_set(cmd.args[0], s.set)) return std::nullopt;
  std::size_t i = 1;
  if (cmd.args[1].kind == ArgKind::kList) {  // RFC 4466 §2.5 store-modifiers
    if (!modifier_number(cmd.args[1], "UNCHANGEDSINCE", s.unchangedsince)) return std::nullopt;
    ++i;
  }
  if (i + 1 >= cmd.args.size() || cmd.args[i].kind != ArgKind::kAtom) return std::nullopt;
  s.item = cmd.args[i].text;
  std::string_view name = s.item;
  if (!name.empty() && (name.front() == '+' || name.front() == '-')) {
    s.mode = name.front() == '+' ? StoreCommand::Mode::kAdd : StoreCommand::Mode::kRemove;
    name.remove_prefix(1);
  }
  if (name.size() > 7 && iequals(name.substr(name.size() - 7), ".SILENT")) {
    s.silent = true;
    name.remove_suffix(7);
  }
  s.flags_item = iequals(name, "FLAGS");
  ++i;
  if (cmd.args[i].kind == ArgKind::kList) {
    if (i + 1 != cmd.args.size()) return std::nullopt;
    s.flags = list_atoms(cmd.args[i]);
  } else {
    for (; i < cmd.args.size(); ++i) {  // flag *(SP flag), the unparenthesized form
      if (cmd.args[i].kind == ArgKind::kList) return std::nullopt;
      s.flags.push_back(cmd.args[i].text);
    }
  }
  return s;
}

std::optional<SelectCommand> read_select_command(const Command& cmd, const Message& m) {
  if (cmd.id != CommandId::kSelect && cmd.id != CommandId::kExamine) return std::nullopt;
  if (cmd.args.empty() || cmd.args.size() > 2) return std::nullopt;
  SelectCommand s;
  s.examine = cmd.id == CommandId::kExamine;
  if (!read_mailbox(cmd.args[0], m, s.mailbox)) return std::nullopt;
  if (cmd.args.size() == 2) {
    const Arg& params = cmd.args[1];
    if (params.kind != ArgKind::kList) return std::nullopt;
    for (std::size_t i = 0; i < params.children.size(); ++i) {
      const Arg& p = params.children[i];
      if (p.is_atom("CONDSTORE")) {
        s.condstore = true;
      } else if (p.is_atom("QRESYNC")) {
        SelectCommand::Qresync q;
        if (i + 1 >= params.children.size() || !read_qresync(params.children[++i], q)) {
          return std::nullopt;
        }
        s.qresync = q;
      } else if (i + 1 < params.children.size() && params.children[i + 1].kind == ArgKind::kList) {
        ++i;  // another select-param with a value (RFC 4466 §2.1), not typed here
      }
    }
  }
  return s;
}

std::optional<CopyCommand> read_copy_command(const Command& cmd, const Message& m) {
  using enum CommandId;
  if (cmd.id != kCopy && cmd.id != kUidCopy && cmd.id != kMove && cmd.id != kUidMove) {
    return std::nullopt;
  }
  if (cmd.args.size() != 2) return std::nullopt;
  CopyCommand c;
  c.uid = cmd.id == kUidCopy || cmd.id == kUidMove;
  c.move = cmd.id == kMove || cmd.id == kUidMove;
  if (!read_set(cmd.args[0], c.set) || !read_mailbox(cmd.args[1], m, c.mailbox)) {
    return std::nullopt;
  }
  return c;
}

std::optional<AppendCommand> read_append_command(const Command& cmd, const Message& m) {
  if (cmd.id != CommandId::kAppend || cmd.args.size() < 2) return std::nullopt;
  AppendCommand a;
  if (!read_mailbox(cmd.args[0], m, a.mailbox)) return std::nullopt;
  AppendCommand::Message current;
  bool started = false;
  for (std::size_t i = 1; i < cmd.args.size(); ++i) {
    const Arg& arg = cmd.args[i];
    if (arg.kind == ArgKind::kLiteral) {
      read_string(arg, m, current.content, false);
    } else if (arg.kind == ArgKind::kList && !started) {
      current.flags = list_atoms(arg);
      started = true;
      continue;
    } else if (arg.kind == ArgKind::kQuoted) {
      read_string(arg, m, current.date, false);
      started = true;
      continue;
    } else if ((arg.is_atom("UTF8") || arg.is_atom("CATENATE")) && i + 1 < cmd.args.size() &&
               cmd.args[i + 1].kind == ArgKind::kList) {
      const Arg& value = cmd.args[++i];
      if (arg.is_atom("CATENATE")) {
        current.catenate = Value{&value, &m};
      } else {
        // RFC 6855 §4: "UTF8" SP "(" literal8 ")"
        current.utf8 = true;
        if (value.children.size() != 1 ||
            !read_string(value.children[0], m, current.content, false) ||
            current.content.form != ImapString::Form::kLiteral) {
          return std::nullopt;
        }
      }
    } else {
      return std::nullopt;
    }
    a.messages.push_back(std::move(current));
    current = {};
    started = false;
  }
  if (started || a.messages.empty()) return std::nullopt;  // flags or date with no message
  return a;
}

std::optional<StatusCommand> read_status_command(const Command& cmd, const Message& m) {
  if (cmd.id != CommandId::kStatus || cmd.args.size() != 2) return std::nullopt;
  StatusCommand s;
  if (!read_mailbox(cmd.args[0], m, s.mailbox) || cmd.args[1].kind != ArgKind::kList) {
    return std::nullopt;
  }
  s.items = list_atoms(cmd.args[1]);
  return s;
}

std::optional<SearchCommand> read_search_command(const Command& cmd, const Message& m) {
  if (cmd.id != CommandId::kSearch && cmd.id != CommandId::kUidSearch) return std::nullopt;
  SearchCommand s;
  s.uid = cmd.id == CommandId::kUidSearch;
  std::size_t i = 0;
  const std::vector<Arg>& args = cmd.args;
  if (i + 1 < args.size() && args[i].is_atom("RETURN") && args[i + 1].kind == ArgKind::kList) {
    s.return_options = list_atoms(args[i + 1]);
    i += 2;
  }
  if (i + 1 < args.size() && args[i].is_atom("CHARSET")) {
    if (!read_string(args[i + 1], m, s.charset, false)) return std::nullopt;
    i += 2;
  }
  if (i >= args.size()) return std::nullopt;  // 1*(SP search-key)
  for (; i < args.size(); ++i)
    s.keys.push_back(Value{&args[i], &m});
  return s;
}

}  // namespace imapscope::analyzer::typed
