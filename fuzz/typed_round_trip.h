// The typed views (analyzer/typed/) and their canonical printer under the fuzzer: every view
// that reads a message is printed, the print is framed and parsed again, and must read back
// equal — the round-trip property of issue #3 on arbitrary input, not only the RFC examples.
// A mismatch traps, so libFuzzer keeps the input.
#pragma once

#include <string>
#include <type_traits>

#include "analyzer/command.h"
#include "analyzer/response.h"
#include "analyzer/typed/printer.h"
#include "fuzz/fuzz_util.h"

namespace imapscope::fuzz {

// Frames `printed` (plus CRLF) as exactly one message of `dir` and hands it to `f`.
template <typename F>
void reframe(analyzer::Direction dir, const std::string& printed, F f) {
  std::size_t seen = 0;
  frame(dir, printed + "\r\n", [&](analyzer::Message& m) {
    if (++seen == 1) f(m);
  });
  if (seen != 1) __builtin_trap();
}

// Frames `printed` as one message of its side, parses it as `Data` (a Command or a Response)
// and traps unless `read` gives `typed` back.
template <typename Data, typename Read, typename Typed>
void expect_reads_back(const std::string& printed, Read read, const Typed& typed) {
  constexpr bool kCommand = std::is_same_v<Data, analyzer::Command>;
  const auto dir =
      kCommand ? analyzer::Direction::kClientToServer : analyzer::Direction::kServerToClient;
  reframe(dir, printed, [&](analyzer::Message& again) {
    Data d;
    analyzer::SyntaxError err;
    bool parsed = false;
    if constexpr (kCommand) {
      parsed = analyzer::parse_command(again, d, err);
    } else {
      parsed = analyzer::parse_response(again, d, err);
    }
    if (!parsed) __builtin_trap();
    const auto back = read(d, again);
    if (!back || !(*back == typed)) __builtin_trap();
  });
}

// `read(cmd, m)` → optional typed view. Returns whether it read the command.
template <typename Read>
bool command_round_trip(const analyzer::Message& m, const analyzer::Command& cmd, Read read) {
  const auto typed = read(cmd, m);
  if (!typed) return false;
  std::string out;
  if (!analyzer::typed::print(cmd.tag, *typed, out)) return true;  // literal not all retained
  expect_reads_back<analyzer::Command>(out, read, *typed);
  return true;
}

template <typename Read>
bool response_round_trip(const analyzer::Message& m, const analyzer::Response& r, Read read) {
  const auto typed = read(r, m);
  if (!typed) return false;
  std::string out;
  if constexpr (std::is_void_v<decltype(analyzer::typed::print(*typed, out))>) {
    analyzer::typed::print(*typed, out);
  } else if (!analyzer::typed::print(*typed, out)) {
    return true;  // a literal whose octets were not all retained
  }
  expect_reads_back<analyzer::Response>(out, read, *typed);
  return true;
}

inline void typed_command_round_trip(const analyzer::Message& m, const analyzer::Command& cmd) {
  using namespace analyzer::typed;
  using analyzer::Command;
  using analyzer::Message;
  if (cmd.tag.empty()) return;
  command_round_trip(m, cmd,
                     [](const Command& c, const Message&) { return read_fetch_command(c); }) ||
      command_round_trip(m, cmd,
                         [](const Command& c, const Message&) { return read_store_command(c); }) ||
      command_round_trip(m, cmd, read_select_command) ||
      command_round_trip(m, cmd, read_copy_command) ||
      command_round_trip(m, cmd, read_append_command) ||
      command_round_trip(m, cmd, read_status_command) ||
      command_round_trip(m, cmd, read_search_command);
}

inline void typed_response_round_trip(const analyzer::Message& m, const analyzer::Response& r) {
  using namespace analyzer::typed;
  using analyzer::Message;
  using analyzer::Response;
  response_round_trip(m, r, read_fetch_response) || response_round_trip(m, r, read_list_response) ||
      response_round_trip(m, r, read_status_response) ||
      response_round_trip(m, r, read_esearch_response) ||
      response_round_trip(
          m, r, [](const Response& x, const Message&) { return read_search_response(x); }) ||
      response_round_trip(
          m, r, [](const Response& x, const Message&) { return read_vanished_response(x); });
  if (r.code) {
    if (const auto code = read_response_code(*r.code)) {
      std::string out = "* OK ";
      print(*code, out);
      reframe(analyzer::Direction::kServerToClient, out + " x", [&](Message& again) {
        Response x;
        analyzer::SyntaxError err;
        if (!analyzer::parse_response(again, x, err) || !x.code) __builtin_trap();
        if (read_response_code(*x.code) != code) __builtin_trap();
      });
    }
  }
}

}  // namespace imapscope::fuzz
