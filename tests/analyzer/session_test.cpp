#include "analyzer/session.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace imapscope::analyzer {
namespace {

std::string target_name(ContinuationTarget t) {
  switch (t) {
    case ContinuationTarget::kNone:
      return "none";
    case ContinuationTarget::kLiteral:
      return "literal";
    case ContinuationTarget::kAuthenticate:
      return "authenticate";
    case ContinuationTarget::kIdle:
      return "idle";
  }
  return "?";
}

// Records every event as one string, with the session state the observer saw at that moment.
class Recorder final : public SessionObserver {
 public:
  explicit Recorder(const SessionView& view) : view_(view) {}

  void on_greeting(const Response* response, const SyntaxError* error,
                   const MessageInfo& info) override {
    std::string s = "greeting ";
    s += response != nullptr ? std::string(status_name(response->status)) : "unparsed";
    if (response != nullptr && response->kind == ResponseKind::kTagged) s += " tagged";
    if (error != nullptr) s += " error=" + error->rule;
    add(s, info);
  }
  void on_command(const Command& command, const MessageInfo& info) override {
    add("command " + std::string(command.tag) + " " + command.name, info);
  }
  void on_exchange_line(const InFlightCommand* command, const MessageInfo& info) override {
    add("exchange owner=" + (command != nullptr ? command->tag : std::string("none")), info);
  }
  void on_continuation(const Response& /*response*/, ContinuationTarget target,
                       const MessageInfo& info) override {
    add("continuation " + target_name(target), info);
  }
  void on_untagged(const Response& response, const MessageInfo& info) override {
    add("untagged " + (response.name.empty() ? std::string("?") : response.name), info);
  }
  void on_completion(const Response& response, const InFlightCommand* command,
                     const MessageInfo& info) override {
    std::string s =
        "completion " + std::string(response.tag) + " " + std::string(status_name(response.status));
    if (command != nullptr) {
      s += " cmd=" + command->name;
      last_completed = *command;
    } else {
      s += " cmd=none";
    }
    add(s, info);
  }
  void on_syntax_error(const SyntaxError& error, const MessageInfo& info) override {
    add("syntax_error " + error.rule, info);
  }
  void on_stream_end() override { events.push_back("end"); }

  // The events without the states and excerpts, for tests that only check the sequence.
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const std::string& e : events)
      out.push_back(e.substr(0, e.find(" [")));
    return out;
  }

  std::vector<std::string> events;
  std::vector<std::string> excerpts;
  InFlightCommand last_completed;

 private:
  void add(const std::string& s, const MessageInfo& info) {
    events.push_back(s + " [" + std::string(state_name(view_.state())) + "]");
    excerpts.push_back(info.excerpt());
  }

  const SessionView& view_;
};

// A session with a recorder attached; C()/S() feed one direction.
class Replay {
 public:
  explicit Replay(SessionOptions options = {}) : session(options), recorder(session) {
    session.add_observer(&recorder);
  }
  Replay& C(std::string_view bytes) {
    session.feed(Direction::kClientToServer, bytes, Origin{});
    return *this;
  }
  Replay& S(std::string_view bytes) {
    session.feed(Direction::kServerToClient, bytes, Origin{});
    return *this;
  }
  ConnectionState state() const { return session.state(); }

  Session session;
  Recorder recorder;
};

// --- greeting and state transitions (RFC 9051 §3) ---------------------------------------

TEST(SessionState, OkGreetingIsNotAuthenticated) {
  Replay r;
  EXPECT_FALSE(r.session.greeting_seen());
  r.S("* OK [CAPABILITY IMAP4rev2 IDLE] ready\r\n");
  EXPECT_TRUE(r.session.greeting_seen());
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
  EXPECT_EQ(r.recorder.events, (std::vector<std::string>{"greeting OK [not_authenticated]"}));
  EXPECT_TRUE(r.session.has_capability("imap4REV2"));
  EXPECT_FALSE(r.session.has_capability("IMAP4rev1"));
  EXPECT_EQ(r.session.response_count(), 1u);
}

// RFC 9051 §7.1.4: PREAUTH greets a connection that is already authenticated. The observer
// sees the state before the greeting's effect.
TEST(SessionState, PreauthGreetingIsAuthenticated) {
  Replay r;
  r.S("* PREAUTH welcome back\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  EXPECT_EQ(r.recorder.events, (std::vector<std::string>{"greeting PREAUTH [not_authenticated]"}));
}

TEST(SessionState, ByeGreetingIsLogout) {
  Replay r;
  r.S("* BYE too busy\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kLogout);
}

TEST(SessionState, LoginOkAuthenticates) {
  Replay r;
  r.S("* OK ready\r\n").C("a1 LOGIN fred secret\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
  r.S("a1 OK [CAPABILITY IMAP4rev2 MOVE] done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  // on_completion arrived before the state changed.
  const std::vector<std::string> expected = {"greeting OK [not_authenticated]",
                                             "command a1 LOGIN [not_authenticated]",
                                             "completion a1 OK cmd=LOGIN [not_authenticated]"};
  EXPECT_EQ(r.recorder.events, expected);
  EXPECT_EQ(r.recorder.excerpts[1], "a1 LOGIN fred ***");
  EXPECT_EQ(r.recorder.last_completed.excerpt, "a1 LOGIN fred ***");
  EXPECT_TRUE(r.session.has_capability("MOVE"));
}

TEST(SessionState, LoginNoStaysNotAuthenticated) {
  Replay r;
  r.S("* OK ready\r\n").C("a1 LOGIN fred wrong\r\n").S("a1 NO [AUTHENTICATIONFAILED] no\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
}

TEST(SessionState, SelectCloseUnselectLogout) {
  Replay r;
  r.S("* PREAUTH hi\r\n");
  r.C("a1 SELECT INBOX\r\n").S("* 3 EXISTS\r\na1 OK [READ-WRITE] done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kSelected);
  // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected.
  r.C("a2 SELECT nosuch\r\n").S("a2 NO no such mailbox\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  r.C("a3 EXAMINE INBOX\r\n").S("a3 OK [READ-ONLY] done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kSelected);
  r.C("a4 CLOSE\r\n").S("a4 OK closed\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  r.C("a5 SELECT INBOX\r\n").S("a5 OK done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kSelected);
  r.C("a6 UNSELECT\r\n").S("a6 OK unselected\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  r.C("a7 LOGOUT\r\n").S("* BYE logging out\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kLogout);  // RFC 9051 §7.1.5
  r.S("a7 OK done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kLogout);
  EXPECT_EQ(r.recorder.events.back(), "completion a7 OK cmd=LOGOUT [logout]");
  EXPECT_TRUE(r.session.in_flight().empty());
}

TEST(SessionState, CloseThatFailsStaysSelected) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 SELECT INBOX\r\n").S("a1 OK done\r\n");
  r.C("a2 CLOSE\r\n").S("a2 BAD not now\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kSelected);
}

TEST(SessionState, LogoutOkWithoutByeIsLogout) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 LOGOUT\r\n").S("a1 OK bye\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kLogout);
}

TEST(SessionState, UnsolicitedByeIsLogout) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 NOOP\r\n").S("* BYE server shutting down\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kLogout);
  EXPECT_EQ(r.recorder.events.back(), "untagged BYE [authenticated]");
}

TEST(SessionState, UnauthenticateReturnsToNotAuthenticated) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 UNAUTHENTICATE\r\n").S("a1 OK done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
}

// --- commands in progress ------------------------------------------------------------------

TEST(SessionInFlight, TracksPipelinedCommandsAndCountsUntagged) {
  Replay r;
  r.S("* PREAUTH hi\r\n");
  r.C("a1 SELECT INBOX\r\n").S("a1 OK done\r\n");
  r.C("a2 FETCH 1 (FLAGS)\r\na3 NOOP\r\n");
  ASSERT_EQ(r.session.in_flight().size(), 2u);
  EXPECT_EQ(r.session.command_count(), 3u);
  const InFlightCommand* a2 = r.session.find_in_flight("a2");
  ASSERT_NE(a2, nullptr);
  EXPECT_EQ(a2->name, "FETCH");
  EXPECT_EQ(a2->id, CommandId::kFetch);
  EXPECT_TRUE(a2->parsed);
  EXPECT_EQ(a2->state_at_send, ConnectionState::kSelected);
  EXPECT_EQ(a2->offset, 17u);
  EXPECT_EQ(a2->excerpt, "a2 FETCH 1 (FLAGS)");

  r.S("* 1 FETCH (FLAGS (\\Seen))\r\n* 4 EXISTS\r\n* 4 EXISTS\r\n");
  for (const InFlightCommand& c : r.session.in_flight()) {
    EXPECT_EQ(c.seen(UntaggedKind::kFetch), 1u) << c.tag;
    EXPECT_EQ(c.seen(UntaggedKind::kExists), 2u) << c.tag;
    EXPECT_EQ(c.seen(UntaggedKind::kExpunge), 0u) << c.tag;
  }
  r.S("a2 OK fetched\r\n");
  // The completion handed the command over with its counts before it left the list.
  EXPECT_EQ(r.recorder.last_completed.tag, "a2");
  EXPECT_EQ(r.recorder.last_completed.seen(UntaggedKind::kFetch), 1u);
  ASSERT_EQ(r.session.in_flight().size(), 1u);
  EXPECT_EQ(r.session.in_flight()[0].tag, "a3");
  EXPECT_EQ(r.session.find_in_flight("a2"), nullptr);
  EXPECT_TRUE(r.session.recently_completed("a2"));
  EXPECT_TRUE(r.session.recently_completed("a1"));
  EXPECT_FALSE(r.session.recently_completed("a3"));
  EXPECT_FALSE(r.session.recently_completed(""));

  // Untagged responses after a2 completed count only for a3.
  r.S("* 2 EXPUNGE\r\n");
  EXPECT_EQ(r.session.in_flight()[0].seen(UntaggedKind::kExpunge), 1u);
  r.S("a3 OK done\r\n");
  EXPECT_TRUE(r.session.in_flight().empty());
  EXPECT_EQ(r.session.response_count(), 8u);
}

TEST(SessionInFlight, CompletionForUnknownTag) {
  Replay r;
  r.S("* OK hi\r\n").S("zz OK what\r\n");
  EXPECT_EQ(r.recorder.events.back(), "completion zz OK cmd=none [not_authenticated]");
}

// The server's BAD answers a command with a readable tag even when the rest did not parse.
TEST(SessionInFlight, CommandWithSyntaxErrorKeepsItsTag) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 NOOP (\r\n");
  ASSERT_EQ(r.session.in_flight().size(), 1u);
  EXPECT_FALSE(r.session.in_flight()[0].parsed);
  EXPECT_EQ(r.recorder.kinds().back(), "syntax_error astring");
  r.S("a1 BAD unbalanced\r\n");
  EXPECT_EQ(r.recorder.events.back(), "completion a1 BAD cmd=NOOP [not_authenticated]");

  r.C("a+2 NOOP\r\n");  // no usable tag: nothing to track
  EXPECT_TRUE(r.session.in_flight().empty());
}

TEST(SessionInFlight, UntaggedKinds) {
  struct Case {
    std::string_view line;
    UntaggedKind kind;
  };
  for (const Case& c :
       {Case{"* CAPABILITY IMAP4rev2", UntaggedKind::kCapability},
        Case{"* BYE x", UntaggedKind::kBye}, Case{"* OK x", UntaggedKind::kOk},
        Case{"* NO x", UntaggedKind::kNo}, Case{"* BAD x", UntaggedKind::kBad},
        Case{"* 1 EXISTS", UntaggedKind::kExists}, Case{"* 1 expunge", UntaggedKind::kExpunge},
        Case{"* 1 FETCH (FLAGS ())", UntaggedKind::kFetch},
        Case{"* FLAGS ()", UntaggedKind::kFlags}, Case{"* LIST () \"/\" x", UntaggedKind::kList},
        Case{"* SEARCH 1 2", UntaggedKind::kSearch},
        Case{"* ESEARCH (TAG \"a\") ALL 1", UntaggedKind::kEsearch},
        Case{"* ENABLED IMAP4rev2", UntaggedKind::kEnabled},
        Case{"* 0 RECENT", UntaggedKind::kRecent}, Case{"* XFOO bar", UntaggedKind::kOther}}) {
    Response resp;
    SyntaxError err;
    Message m;
    m.text = std::string(c.line);
    m.lines.push_back(Line{0, m.text.size(), 0, false, false});
    ASSERT_TRUE(parse_response(m, resp, err)) << c.line;
    EXPECT_EQ(untagged_kind(resp), c.kind) << c.line;
  }
}

// --- continuation requests (RFC 9051 §7.6) ------------------------------------------------

TEST(SessionContinuation, ForSynchronizingLiteral) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 LOGIN {4}\r\n");
  r.S("+ go ahead\r\n");
  r.C("fred secret\r\n").S("a1 OK done\r\n");
  const std::vector<std::string> expected = {"greeting OK", "continuation literal",
                                             "command a1 LOGIN", "completion a1 OK cmd=LOGIN"};
  EXPECT_EQ(r.recorder.kinds(), expected);
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
}

// A non-synchronizing literal (RFC 7888) waits for nothing, so a "+" is not for it.
TEST(SessionContinuation, NonSynchronizingLiteralExpectsNone) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 LOGIN {4+}\r\n").S("+ unasked\r\n");
  EXPECT_EQ(r.recorder.kinds().back(), "continuation none");
}

TEST(SessionContinuation, NothingWaiting) {
  Replay r;
  r.S("* OK hi\r\n+ unasked\r\n");
  EXPECT_EQ(r.recorder.kinds().back(), "continuation none");
  // Once the literal's octets began, a second "+" answers nothing.
  r.C("a1 LOGIN {4}\r\n").S("+ ok\r\n").C("fr").S("+ again\r\n");
  const auto kinds = r.recorder.kinds();
  ASSERT_GE(kinds.size(), 2u);
  EXPECT_EQ(kinds[kinds.size() - 2], "continuation literal");
  EXPECT_EQ(kinds.back(), "continuation none");
}

// RFC 9051 §2.2.1: a tagged BAD or NO instead of the continuation request rejects the
// command; the client sends none of the literal, so its next line is its next command.
TEST(SessionContinuation, RefusedLiteralEndsTheCommand) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 APPEND INBOX {500000000}\r\n");
  r.S("a1 NO [TOOBIG] too big\r\n").C("a2 NOOP\r\n").S("a2 OK done\r\n");
  const std::vector<std::string> expected = {"greeting PREAUTH", "command a1 APPEND",
                                             "completion a1 NO cmd=APPEND", "command a2 NOOP",
                                             "completion a2 OK cmd=NOOP"};
  EXPECT_EQ(r.recorder.kinds(), expected);
}

TEST(SessionContinuation, RefusedWithBadAndOnlyByItsOwnTag) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 NOOP\r\na2 APPEND INBOX {3}\r\n");
  // Another command's completion leaves the continuation pending (RFC 9051 §2.2.1).
  r.S("a1 OK done\r\n+ go\r\n").C("abc\r\n").S("a2 OK done\r\n");
  r.C("a3 APPEND INBOX (\\Bogus) {3}\r\n").S("a3 BAD no such flag\r\n");
  r.C("a4 LOGOUT\r\n");
  const std::vector<std::string> expected = {
      "greeting PREAUTH",          "command a1 NOOP",
      "completion a1 OK cmd=NOOP", "continuation literal",
      "command a2 APPEND",         "completion a2 OK cmd=APPEND",
      "command a3 APPEND",         "completion a3 BAD cmd=APPEND",
      "command a4 LOGOUT"};
  EXPECT_EQ(r.recorder.kinds(), expected);
}

// Once octets of the literal arrived, the client did not wait: a NO is just the answer.
TEST(SessionContinuation, NoAfterLiteralOctetsBeganIsNotARefusal) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 APPEND INBOX {5}\r\nab");
  r.S("a1 NO wait\r\n").C("cde\r\n");
  const auto kinds = r.recorder.kinds();
  ASSERT_GE(kinds.size(), 2u);
  EXPECT_EQ(kinds[1], "completion a1 NO cmd=none");
  EXPECT_EQ(kinds.back(), "command a1 APPEND");
}

// RFC 9051 §6.2.2: after AUTHENTICATE the client's lines are SASL answers, not commands, and
// they are credentials.
TEST(SessionContinuation, AuthenticateExchange) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 AUTHENTICATE PLAIN\r\n").S("+ \r\n");
  r.C("AGZyZWQAc2VjcmV0\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
  r.S("a1 OK authenticated\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  r.C("a2 NOOP\r\n");
  const std::vector<std::string> expected = {
      "greeting OK",       "command a1 AUTHENTICATE",           "continuation authenticate",
      "exchange owner=a1", "completion a1 OK cmd=AUTHENTICATE", "command a2 NOOP"};
  EXPECT_EQ(r.recorder.kinds(), expected);
  EXPECT_EQ(r.recorder.excerpts[3], "***");
  EXPECT_EQ(r.session.command_count(), 2u);
}

// An exchange line that looks like a command, or announces a literal, is still an answer.
TEST(SessionContinuation, AuthenticateAnswerLooksLikeCommand) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 AUTHENTICATE X\r\n").S("+ \r\n");
  r.C("a2 LOGOUT {5}\r\n").S("+ more\r\n").C("*\r\n").S("a1 BAD cancelled\r\n");
  const std::vector<std::string> expected = {"greeting OK",
                                             "command a1 AUTHENTICATE",
                                             "continuation authenticate",
                                             "exchange owner=a1",
                                             "continuation authenticate",
                                             "exchange owner=a1",
                                             "completion a1 BAD cmd=AUTHENTICATE"};
  EXPECT_EQ(r.recorder.kinds(), expected);
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
  r.C("a3 LOGOUT\r\n");
  EXPECT_EQ(r.recorder.kinds().back(), "command a3 LOGOUT");
}

TEST(SessionContinuation, AuthenticateExchangeShownWhenNotRedacting) {
  SessionOptions options;
  options.redact = false;
  Replay r(options);
  r.S("* OK hi\r\n").C("a1 AUTHENTICATE PLAIN dGVzdA==\r\n");
  EXPECT_EQ(r.recorder.excerpts.back(), "a1 AUTHENTICATE PLAIN dGVzdA==");
  r.S("+ \r\n").C("c2VjcmV0\r\n");
  EXPECT_EQ(r.recorder.excerpts.back(), "c2VjcmV0");
}

// RFC 9051 §6.3.13: IDLE's "+" and the client's DONE.
TEST(SessionContinuation, IdleAndDone) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 SELECT INBOX\r\n").S("a1 OK done\r\n");
  r.C("a2 IDLE\r\n").S("+ idling\r\n* 5 EXISTS\r\n");
  r.C("DONE\r\n");
  r.S("a2 OK IDLE terminated\r\n");
  r.C("a3 NOOP\r\n");
  const std::vector<std::string> expected = {
      "greeting PREAUTH",  "command a1 SELECT",         "completion a1 OK cmd=SELECT",
      "command a2 IDLE",   "continuation idle",         "untagged EXISTS",
      "exchange owner=a2", "completion a2 OK cmd=IDLE", "command a3 NOOP"};
  EXPECT_EQ(r.recorder.kinds(), expected);
  EXPECT_EQ(r.recorder.excerpts[6], "DONE");  // DONE is no credential
  EXPECT_EQ(r.recorder.last_completed.seen(UntaggedKind::kExists), 1u);
}

// DONE ends the exchange even before the server's completion: the next line is a command.
TEST(SessionContinuation, DoneEndsTheExchange) {
  Replay r;
  r.S("* PREAUTH hi\r\n").C("a1 IDLE\r\n").S("+ idling\r\n");
  r.C("done\r\na2 NOOP\r\n");
  const auto kinds = r.recorder.kinds();
  ASSERT_GE(kinds.size(), 2u);
  EXPECT_EQ(kinds[kinds.size() - 2], "exchange owner=a1");
  EXPECT_EQ(kinds.back(), "command a2 NOOP");
  // A second "+" for the same IDLE is not expected.
  r.S("+ again\r\n");
  EXPECT_EQ(r.recorder.kinds().back(), "continuation none");
}

TEST(SessionContinuation, RejectedIdleEndsTheExchange) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 IDLE\r\n").S("a1 NO not now\r\n").C("a2 NOOP\r\n");
  EXPECT_EQ(r.recorder.kinds().back(), "command a2 NOOP");
}

// --- TLS ----------------------------------------------------------------------------------

// RFC 9051 §6.2.1: after STARTTLS's OK the bytes are a TLS handshake (RFC 8446 §5.1: a
// record of type 22, version 3.x), which is not IMAP text.
TEST(SessionTls, Starttls) {
  Replay r;
  r.S("* OK [CAPABILITY IMAP4rev2 STARTTLS] hi\r\n").C("a STARTTLS\r\n").S("a OK begin\r\n");
  EXPECT_EQ(r.session.tls(), Session::Tls::kNone);
  const std::size_t events = r.recorder.events.size();
  r.C(std::string_view("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
  EXPECT_EQ(r.session.tls(), Session::Tls::kStarttls);
  r.S(std::string_view("\x16\x03\x03\x00\x7a\x02\r\n", 8));
  r.C("b1 LOGIN fred secret\r\n");
  r.session.finish();
  // Nothing after the handshake is parsed; only the end of the stream is reported.
  ASSERT_EQ(r.recorder.events.size(), events + 1);
  EXPECT_EQ(r.recorder.events.back(), "end");
  EXPECT_EQ(r.session.command_count(), 1u);
}

TEST(SessionTls, ImplicitTls) {
  Replay r;
  r.C(std::string_view("\x16\x03\x01\x00\xf4\x01\x00\x00\xf0\x03\x03", 11));
  EXPECT_EQ(r.session.tls(), Session::Tls::kImplicit);
  r.S("* OK hi\r\n");
  r.session.finish();
  EXPECT_EQ(r.recorder.events, (std::vector<std::string>{"end"}));
  EXPECT_FALSE(r.session.greeting_seen());
}

// 0x16 0x03 inside a message is data, not a handshake.
TEST(SessionTls, HandshakeBytesInsideAMessageAreData) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 X \"");
  r.C(std::string_view("\x16\x03\"\r\n", 5));
  EXPECT_EQ(r.session.tls(), Session::Tls::kNone);
  EXPECT_EQ(r.recorder.kinds().back(), "command a1 X");
}

// --- logs that start after the login (Dovecot's imap process rawlog) ----------------------

TEST(SessionAfterLogin, FirstTaggedOkCompletesTheUnseenLogin) {
  SessionOptions options;
  options.may_start_after_login = true;
  Replay r(options);
  r.S("i1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n");
  EXPECT_TRUE(r.recorder.events.empty());  // no on_greeting, no on_completion
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
  EXPECT_TRUE(r.session.started_after_login());
  EXPECT_TRUE(r.session.greeting_seen());
  EXPECT_TRUE(r.session.has_capability("IDLE"));
  r.C("i2 SELECT INBOX\r\n").S("i2 OK done\r\n");
  EXPECT_EQ(r.state(), ConnectionState::kSelected);
  // Only the first unknown tag is the login's.
  r.S("zz OK stray\r\n");
  EXPECT_EQ(r.recorder.events.back(), "completion zz OK cmd=none [selected]");
}

TEST(SessionAfterLogin, UntaggedFirstThenLoginCompletion) {
  SessionOptions options;
  options.may_start_after_login = true;
  Replay r(options);
  r.S("* CAPABILITY IMAP4rev1\r\n");
  EXPECT_TRUE(r.session.started_after_login());
  EXPECT_EQ(r.recorder.kinds(), (std::vector<std::string>{"untagged CAPABILITY"}));
  r.S("i1 OK Logged in\r\n");
  EXPECT_EQ(r.recorder.events.size(), 1u);
  EXPECT_EQ(r.state(), ConnectionState::kAuthenticated);
}

TEST(SessionAfterLogin, RealGreetingIsStillAGreeting) {
  SessionOptions options;
  options.may_start_after_login = true;
  Replay r(options);
  r.S("* OK ready\r\n");
  EXPECT_FALSE(r.session.started_after_login());
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
  EXPECT_EQ(r.recorder.kinds(), (std::vector<std::string>{"greeting OK"}));
}

TEST(SessionAfterLogin, WithoutTheOptionATaggedFirstResponseIsABadGreeting) {
  Replay r;
  r.S("i1 OK [CAPABILITY IMAP4rev1] Logged in\r\n");
  const std::vector<std::string> expected = {"greeting OK tagged", "completion i1 OK cmd=none"};
  EXPECT_EQ(r.recorder.kinds(), expected);
  EXPECT_FALSE(r.session.started_after_login());
  EXPECT_EQ(r.state(), ConnectionState::kNotAuthenticated);
}

TEST(SessionGreeting, UnparsableGreeting) {
  Replay r;
  r.S("hello there\r\n");
  EXPECT_EQ(r.recorder.kinds(),
            (std::vector<std::string>{"greeting unparsed error=resp-cond-state"}));
  EXPECT_TRUE(r.session.greeting_seen());
}

// --- end of stream --------------------------------------------------------------------------

TEST(SessionFinish, CutShortMessageIsASyntaxErrorAndStreamEndIsLast) {
  Replay r;
  r.S("* OK hi\r\n").C("a1 APPEND INBOX {100}\r\npartial");
  r.session.finish();
  const std::vector<std::string> expected = {"greeting OK", "syntax_error literal", "end"};
  EXPECT_EQ(r.recorder.kinds(), expected);
}

TEST(SessionOptionsFlags, MayEndAtLogin) {
  SessionOptions options;
  options.may_end_at_login = true;
  Session s(options);
  EXPECT_TRUE(s.may_end_at_login());
  Session plain;
  EXPECT_FALSE(plain.may_end_at_login());
}

}  // namespace
}  // namespace imapscope::analyzer
