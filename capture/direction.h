#pragma once
// The two halves of an IMAP connection. Every byte the analyzer sees belongs to one of them.

#include <string_view>

namespace imapscope::capture {

enum class Direction : unsigned char {
  kClientToServer,  // commands, literal octets, AUTHENTICATE answers, DONE
  kServerToClient,  // greeting, untagged and tagged responses, continuation requests
};

constexpr std::string_view side_name(Direction d) {
  return d == Direction::kClientToServer ? "client" : "server";
}

}  // namespace imapscope::capture
