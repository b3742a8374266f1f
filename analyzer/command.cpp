#include "analyzer/command.h"

#include <array>
#include <unordered_map>

namespace imapscope::analyzer {
namespace {

constexpr std::array kCommands = {
#define IMAP_COMMAND(id, name, states, rfc) CommandInfo{CommandId::id, name, states, rfc},
#include "analyzer/commands.def"
#undef IMAP_COMMAND
};

constexpr CommandInfo kUnknownCommand{CommandId::kUnknown, "", kAnyState, ""};

// Hashing and comparison ignoring ASCII case, so a name is looked up as the client wrote it,
// without an upper-case copy first. The hash reads the length and three letters: enough to
// spread the table's names, and a few instructions where hashing every byte cost a hundred
// per command (equal hashes are told apart by the comparison).
struct IgnoringCaseHash {
  std::size_t operator()(std::string_view s) const {
    if (s.empty()) return 0;
    const auto at = [&](std::size_t i) {
      return static_cast<std::size_t>(static_cast<unsigned char>(to_upper_ascii(s[i])));
    };
    return (s.size() << 24) ^ (at(0) << 16) ^ (at(s.size() / 2) << 8) ^ at(s.size() - 1);
  }
};
struct IgnoringCaseEqual {
  bool operator()(std::string_view a, std::string_view b) const { return iequals(a, b); }
};

std::string_view read_atom(Cursor& c) {
  const std::size_t start = c.text_index();
  while (!c.at_line_end() && is_atom_char(c.peek()))
    c.advance();
  return std::string_view(c.message().text).substr(start, c.text_index() - start);
}

}  // namespace

const CommandInfo& command_info(std::string_view name) {
  // Asked for every command, twice (the parse and the strict grammar): a hash lookup, not a
  // walk of the table.
  using ByName =
      std::unordered_map<std::string_view, const CommandInfo*, IgnoringCaseHash, IgnoringCaseEqual>;
  static const ByName by_name = [] {
    ByName m;
    for (const CommandInfo& info : kCommands)
      m.emplace(info.name, &info);
    return m;
  }();
  const auto it = by_name.find(name);
  return it == by_name.end() ? kUnknownCommand : *it->second;
}

const CommandInfo& command_info(CommandId id) {
  const auto i = static_cast<std::size_t>(id);
  return i < kCommands.size() ? kCommands[i] : kUnknownCommand;
}

bool parse_command(Message& m, Command& cmd, SyntaxError& err) {
  Cursor c(m);
  if (m.lines.empty()) {
    err = SyntaxError{0, 0, m.offset, "a command", "command", {}};
    return false;
  }
  // tag = 1*<any ASTRING-CHAR except "+">  (RFC 9051 §9)
  const std::size_t start = c.text_index();
  while (!c.at_line_end() && c.peek() != ' ')
    c.advance();
  cmd.tag = std::string_view(m.text).substr(start, c.text_index() - start);
  if (cmd.tag.empty()) {
    err = Cursor(m).error("a tag at the start of the command", "tag");
    return false;
  }
  for (std::size_t i = 0; i < cmd.tag.size(); ++i) {
    if (!is_tag_char(cmd.tag[i])) {
      err = Cursor(m).error("", "tag");
      err.column = i;
      err.offset += i;
      err.expected = "a tag character (any ASTRING-CHAR except '+')";
      return false;
    }
  }
  if (!c.consume(' ')) {
    err = c.error("SP after the tag", "command");
    return false;
  }
  std::string_view name = read_atom(c);
  if (name.empty()) {
    err = c.error("a command name", "command");
    return false;
  }
  cmd.name = to_upper(name);
  if (cmd.name == "UID") {
    if (!c.consume(' ')) {
      err = c.error("SP and a command after UID", "uid");
      return false;
    }
    const std::string_view sub = read_atom(c);
    if (sub.empty()) {
      err = c.error("FETCH, STORE, SEARCH, COPY, MOVE or EXPUNGE after UID", "uid");
      return false;
    }
    cmd.name += ' ';
    cmd.name += to_upper(sub);
  }
  cmd.id = command_info(cmd.name).id;
  const std::size_t args_begin = c.text_index();
  bool parsed = true;
  if (!c.at_end()) {
    if (!c.consume(' ')) {
      err = c.error("SP or CRLF after the command name", "command");
      parsed = false;
    } else {
      parsed = parse_arguments(c, cmd.args, err);
    }
  }
  // Credentials are never shown in reports unless asked for: LOGIN's password and
  // AUTHENTICATE's initial response (RFC 4959 SASL-IR). A command that does not parse is
  // reported with its excerpt too, so its credential is hidden just the same.
  if (cmd.id == CommandId::kLogin || cmd.id == CommandId::kAuthenticate) {
    if (cmd.args.size() > 1) {
      if (cmd.args[1].kind != ArgKind::kLiteral) {
        m.redactions.emplace_back(cmd.args[1].begin, cmd.args[1].end);
      }
    } else if (!parsed) {
      // The error came at or before the credential: hide the first line from there on.
      const std::size_t from = cmd.args.empty() ? args_begin : cmd.args[0].end;
      if (from < m.lines[0].end) m.redactions.emplace_back(from, m.lines[0].end);
    }
  }
  return parsed;
}

}  // namespace imapscope::analyzer
