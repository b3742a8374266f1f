#pragma once
// A client command as the replay and the rules see it (RFC 9051 §6, §9 "command").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/connection_state.h"
#include "analyzer/syntax.h"

namespace imapscope::analyzer {

enum class CommandId : unsigned char {
#define IMAP_COMMAND(id, name, states, rfc) id,
#include "analyzer/commands.def"
#undef IMAP_COMMAND
  kUnknown,
};

struct CommandInfo {
  CommandId id;
  std::string_view name;
  StateSet states;  // where the client may send it
  std::string_view rfc;
};

// The table entry for a name in any case ("FETCH", "uid fetch"; RFC 9051 §9: "ABNF strings
// are case-insensitive"); kUnknown when not listed.
const CommandInfo& command_info(std::string_view name);
const CommandInfo& command_info(CommandId id);

// STARTTLS, LOGIN, AUTHENTICATE and UNAUTHENTICATE: completed with OK, they change the TLS or
// authentication state, and capabilities listed before no longer hold (RFC 9051 §6.2.1, §7.2.2).
inline bool changes_tls_or_authentication(CommandId id) {
  return id == CommandId::kStarttls || id == CommandId::kLogin || id == CommandId::kAuthenticate ||
         id == CommandId::kUnauthenticate;
}

struct Command {
  std::string_view tag;
  std::string name;  // upper case, "UID " + sub-command for UID commands
  CommandId id = CommandId::kUnknown;
  std::vector<Arg> args;  // after the name (after the sub-command for UID)

  // Every field back to its default, the argument list keeping its storage: the session
  // parses each command into the same Command.
  void clear() {
    tag = {};
    name.clear();
    id = CommandId::kUnknown;
    args.clear();
  }
};

// Parses a complete client message. On failure `err` says where and what was expected, and
// `cmd.tag` holds whatever tag could be read (empty when none).
bool parse_command(Message& m, Command& cmd, SyntaxError& err);

}  // namespace imapscope::analyzer
