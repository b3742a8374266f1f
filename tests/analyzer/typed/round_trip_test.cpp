// Round trip (issue #3): every typed structure read from an RFC example, printed back in
// canonical form by analyzer/typed/printer.h, frames, parses and validates again, and reads to
// the same structure.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <type_traits>

#include "analyzer/grammar/grammar.h"
#include "analyzer/typed/printer.h"
#include "tests/analyzer/typed/typed_test_support.h"

namespace imapscope::testing {
namespace {

using namespace analyzer::typed;

struct Counts {
  int commands = 0;
  int responses = 0;
  int codes = 0;
};

// Prints `typed`, frames and parses the output as a command or a response (`Parsed`), and
// checks it reads back equal and passes the strict grammar of its side.
template <typename Parsed, typename Typed, typename Print, typename Read>
void round_trip(const Typed& typed, Print print_fn, Read read_fn, const std::string& where,
                analyzer::grammar::Options options) {
  constexpr bool kCommand = std::is_same_v<Parsed, ParsedCommand>;
  std::string printed;
  ASSERT_TRUE(print_fn(typed, printed)) << where;
  std::unique_ptr<Parsed> again;
  if constexpr (kCommand) {
    again = parse_command_bytes(printed);
  } else {
    again = parse_response_bytes(printed);
  }
  ASSERT_TRUE(again->ok) << where << "\n  printed: " << printed;
  const auto reread = read_fn(*again);
  ASSERT_TRUE(reread) << where << "\n  printed: " << printed;
  EXPECT_TRUE(*reread == typed) << where << "\n  printed: " << printed;
  const auto v = kCommand ? analyzer::grammar::validate_command(again->message, options)
                          : analyzer::grammar::validate_response(again->message, options);
  EXPECT_TRUE(v.valid && v.deviations.empty())
      << where << "\n  printed: " << printed << "\n  expected " << v.error.expected << " at "
      << v.error.column;
}

void round_trip_client(std::string_view text, const std::string& where,
                       analyzer::grammar::Options o, Counts& n) {
  auto p = parse_command_text(text);
  if (!p->ok) return;
  const analyzer::Command& cmd = p->command;
  const std::string tag(cmd.tag);
  const auto printer = [&](const auto& typed, std::string& out) { return print(tag, typed, out); };
  if (auto f = read_fetch_command(cmd)) {
    round_trip<ParsedCommand>(
        *f, printer, [](const ParsedCommand& c) { return read_fetch_command(c.command); }, where,
        o);
  } else if (auto s = read_store_command(cmd)) {
    round_trip<ParsedCommand>(
        *s, printer, [](const ParsedCommand& c) { return read_store_command(c.command); }, where,
        o);
  } else if (auto sel = read_select_command(cmd, p->message)) {
    round_trip<ParsedCommand>(
        *sel, printer,
        [](const ParsedCommand& c) { return read_select_command(c.command, c.message); }, where, o);
  } else if (auto c = read_copy_command(cmd, p->message)) {
    round_trip<ParsedCommand>(
        *c, printer, [](const ParsedCommand& x) { return read_copy_command(x.command, x.message); },
        where, o);
  } else if (auto a = read_append_command(cmd, p->message)) {
    round_trip<ParsedCommand>(
        *a, printer,
        [](const ParsedCommand& x) { return read_append_command(x.command, x.message); }, where, o);
  } else if (auto st = read_status_command(cmd, p->message)) {
    round_trip<ParsedCommand>(
        *st, printer,
        [](const ParsedCommand& x) { return read_status_command(x.command, x.message); }, where, o);
  } else if (auto se = read_search_command(cmd, p->message)) {
    round_trip<ParsedCommand>(
        *se, printer,
        [](const ParsedCommand& x) { return read_search_command(x.command, x.message); }, where, o);
  } else {
    return;
  }
  ++n.commands;
}

void round_trip_server(std::string_view text, const std::string& where,
                       analyzer::grammar::Options o, Counts& n) {
  auto p = parse_response_text(text);
  if (!p->ok) return;
  const analyzer::Response& r = p->response;
  const auto printer = [](const auto& typed, std::string& out) {
    // Some printers cannot fail (no strings): they return nothing.
    if constexpr (std::is_void_v<decltype(print(typed, out))>) {
      print(typed, out);
      return true;
    } else {
      return print(typed, out);
    }
  };
  if (r.code) {
    if (auto code = read_response_code(*r.code)) {
      std::string printed = "* OK ";
      print(*code, printed);
      printed += " text";
      auto again = parse_response_bytes(printed);
      ASSERT_TRUE(again->ok && again->response.code) << where << "\n  printed: " << printed;
      EXPECT_EQ(read_response_code(*again->response.code), code)
          << where << "\n  printed: " << printed;
      ++n.codes;
    }
  }
  if (auto f = read_fetch_response(r, p->message)) {
    round_trip<ParsedResponse>(
        *f, printer,
        [](const ParsedResponse& x) { return read_fetch_response(x.response, x.message); }, where,
        o);
  } else if (auto l = read_list_response(r, p->message)) {
    round_trip<ParsedResponse>(
        *l, printer,
        [](const ParsedResponse& x) { return read_list_response(x.response, x.message); }, where,
        o);
  } else if (auto s = read_status_response(r, p->message)) {
    round_trip<ParsedResponse>(
        *s, printer,
        [](const ParsedResponse& x) { return read_status_response(x.response, x.message); }, where,
        o);
  } else if (auto se = read_search_response(r)) {
    round_trip<ParsedResponse>(
        *se, printer, [](const ParsedResponse& x) { return read_search_response(x.response); },
        where, o);
  } else if (auto e = read_esearch_response(r, p->message)) {
    round_trip<ParsedResponse>(
        *e, printer,
        [](const ParsedResponse& x) { return read_esearch_response(x.response, x.message); }, where,
        o);
  } else if (auto v = read_vanished_response(r)) {
    round_trip<ParsedResponse>(
        *v, printer, [](const ParsedResponse& x) { return read_vanished_response(x.response); },
        where, o);
  } else {
    return;
  }
  ++n.responses;
}

Counts round_trip_file(const std::string& file, analyzer::grammar::Options options) {
  const std::string data = read_data_file(file);
  EXPECT_FALSE(data.empty()) << file;
  std::istringstream in(data);
  std::string line;
  int number = 0;
  Counts n;
  while (std::getline(in, line)) {
    ++number;
    if (line.size() < 4 || line[0] == '#') continue;
    const std::string where = file + ":" + std::to_string(number) + ": " + line;
    const std::string_view text = std::string_view(line).substr(3);
    if (line[0] == 'C') {
      round_trip_client(text, where, options, n);
    } else {
      round_trip_server(text, where, options, n);
    }
  }
  return n;
}

TEST(RoundTrip, Rfc9051Examples) {
  const Counts n = round_trip_file("tests/data/grammar/rfc9051-examples.txt", {true, true});
  EXPECT_GT(n.commands, 40);
  EXPECT_GT(n.responses, 60);
  EXPECT_GT(n.codes, 20);
}

TEST(RoundTrip, Rfc3501Examples) {
  const Counts n = round_trip_file("tests/data/grammar/rfc3501-examples.txt", {false, false});
  EXPECT_GT(n.commands, 8);
  EXPECT_GT(n.responses, 15);
}

TEST(RoundTrip, ExtensionExamples) {
  const Counts n = round_trip_file("tests/data/grammar/extension-examples.txt", {true, true});
  EXPECT_GT(n.commands, 60);
  EXPECT_GT(n.responses, 80);
  EXPECT_GT(n.codes, 20);
}

// Structures the example files lack: ENVELOPE, nested BODYSTRUCTURE with extension data,
// literals and literal8, sections and partials, QRESYNC and MULTIAPPEND.
TEST(RoundTrip, RichStructures) {
  Counts n;
  for (
      std::string_view text : {
          R"x(S: * 12 FETCH (FLAGS (\Seen) INTERNALDATE "17-Jul-1996 02:44:25 -0700" ENVELOPE ("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev2 WG mtg summary and minutes" (("Terry Gray" NIL "gray" "cac.washington.edu")) NIL NIL ((NIL NIL "imap" "cac.washington.edu")) ((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL "<B27397-0100000@cac.washington.ed>") BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)))x",
          R"x(S: * 3 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "UTF-8") NIL NIL "QUOTED-PRINTABLE" 120 4 "Q2hlY2tzdW0=" ("INLINE" NIL) ("en" "de") "http://x.test/a")("MESSAGE" "RFC822" NIL NIL "forwarded" "7BIT" 420 ("Mon, 1 Jan 2024 00:00:00 +0000" "fw" NIL NIL NIL NIL NIL NIL NIL "<m@x.test>") ("TEXT" "HTML" NIL NIL NIL "8BIT" 200 8) 14 NIL ("ATTACHMENT" ("FILENAME" "fw.eml")) "fr") "MIXED" ("BOUNDARY" "b1") NIL NIL NIL 7)))x",
          R"x(S: * 12 FETCH (BODY[HEADER] {9}\r\nSubject:  BODY[1.2.HEADER.FIELDS (Date "From")]<0> "x" BINARY[2] ~{3}\r\nabc BINARY.SIZE[2] 3 MODSEQ (624140003) UID 7 EMAILID (M6d99ac3275bb4e) THREADID NIL))x",
          R"x(C: a1 UID FETCH 1:* (FLAGS BODY.PEEK[1.MIME]<10.200> BINARY.PEEK[1]) (CHANGEDSINCE 5 VANISHED))x",
          R"x(C: a2 FETCH 1 BODY[HEADER.FIELDS.NOT (Subject "X Spam" "")])x",
          R"x(C: B04 SELECT "A B" (CONDSTORE QRESYNC (67890007 90060115194045000 1:29997 (5000,7500 12000,15000))))x",
          R"x(C: A003 APPEND saved-messages (\Seen) {3}\r\nabc (\Seen) " 7-Feb-1994 21:52:25 -0800" {2}\r\nde)x",
          R"x(C: a APPEND INBOX UTF8 (~{2}\r\nhi))x",
          R"x(C: a UID STORE 1:* (UNCHANGEDSINCE 7) -FLAGS \Seen $Junk)x",
          R"x(C: A284 SEARCH CHARSET UTF-8 OR (FROM {3}\r\nabc) (TO "x"))x",
      }) {
    const std::string where(text);
    if (text[0] == 'C') {
      round_trip_client(text.substr(3), where, {true, true}, n);
    } else {
      round_trip_server(text.substr(3), where, {true, true}, n);
    }
  }
  EXPECT_EQ(n.commands, 7);
  EXPECT_EQ(n.responses, 3);
}

}  // namespace
}  // namespace imapscope::testing
