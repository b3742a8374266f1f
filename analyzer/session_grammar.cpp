// The session's use of the strict grammar (analyzer/grammar/): after the lenient parse, each
// message is validated against RFC 9051 §9 / RFC 3501 §9 and the extensions' ABNF. Its
// findings go to on_syntax_error; the message is replayed as the lenient parse read it, so
// the session goes on and framing is untouched.
#include <algorithm>

#include "analyzer/grammar/grammar.h"
#include "analyzer/session.h"

namespace imapscope::analyzer {

void Session::check_grammar(const Message& m, const MessageInfo& info,
                            const SyntaxError* lenient_error) {
  auto report = [&](const SyntaxError& e) {
    notify(SessionEvent::kSyntaxError, [&](SessionObserver& o) { o.on_syntax_error(e, info); });
  };
  // The previous message of this direction had a literal whose count did not match its octets.
  bool& literal_rest = literal_rest_[static_cast<std::size_t>(m.dir)];
  const bool after_literal_length = literal_rest;
  literal_rest = false;
  // A line the framer cut short (over its length limit) lost its middle: only the lenient
  // verdict stands. So does a message the stream ended inside.
  // A command whose literal the server refused ends at the announcement: the strict grammar
  // has nothing to say about the rest it never got.
  const bool cut =
      std::any_of(m.lines.begin(), m.lines.end(), [](const Line& l) { return l.truncated; }) ||
      std::any_of(m.literals.begin(), m.literals.end(), [](const Literal& l) { return l.refused; });
  if (cut || !m.complete) {
    if (lenient_error != nullptr) report(*lenient_error);
    return;
  }
  grammar::Options options;
  options.rev2 = rev2_in_force_;
  options.utf8 = utf8_accepted_;
  const grammar::Result r = m.dir == Direction::kClientToServer
                                ? grammar::validate_command(m, options)
                                : grammar::validate_response(m, options);
  if (after_literal_length && !r.valid && r.error.deviation != grammar::deviation::kLiteralLength) {
    // RFC 9051 §2.2: the receiver reads "a sequence of octets with a known count followed by a
    // line". Counted short, the literal left octets that arrive as lines of their own: this one
    // is no message but the rest of that literal, reported as such rather than as garbage.
    SyntaxError rest;
    rest.offset = m.lines.empty() ? m.offset : m.lines[0].stream_offset;
    rest.expected =
        "a message; this line is the rest of the octets of the previous message's literal, "
        "whose count was smaller than the octets sent";
    rest.rule = "literal";
    rest.deviation = grammar::deviation::kLiteralLength;
    report(rest);
    literal_rest = true;
    return;
  }
  literal_rest = !r.valid && r.error.deviation == grammar::deviation::kLiteralLength;
  if (lenient_error != nullptr) {
    if (!r.valid && !r.error.deviation.empty()) {
      report(r.error);  // a form of the other side
    } else if (r.valid && !r.deviations.empty()) {
      for (const SyntaxError& d : r.deviations)
        report(d);  // a named deviation explains it
    } else if (!r.valid) {
      report(*lenient_error);
    }
    // Valid by the strict grammar: a form the generic tree cannot hold (THREAD's adjacent
    // lists), not an error. It is not replayed.
    return;
  }
  for (const SyntaxError& d : r.deviations)
    report(d);
  if (!r.valid) report(r.error);
}

}  // namespace imapscope::analyzer
