#pragma once
// The probe's scenarios: small scripts against a live server, each with expectations of its
// own (on top of the passive rules that judge all of its traffic). A scenario is one file under
// probe/scenarios/ that registers itself with IMAPSCOPE_SCENARIO, like rules do: name, the RFC
// sections it exercises, the capability it needs (skipped, not failed, when the server lacks
// it), and a run function that throws ScenarioFailure when an expectation does not hold.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/response.h"
#include "probe/imap_client.h"
#include "probe/stream_recorder.h"

namespace imapscope::probe {

// When a scenario runs: before login (after STARTTLS), after login with the probe mailbox
// created, or at the very end (LOGOUT).
enum class Phase : unsigned char { kNotAuthenticated, kAuthenticated, kLogout };

struct ScenarioInfo {
  std::string_view name;  // dotted, lower case, e.g. "append.literal-plus"
  std::string_view rfc;   // e.g. "RFC 9051 §6.3.12; RFC 7888 §4"
  std::string_view summary;
  // Capabilities of which the server must offer one ("A|B"); empty: none needed.
  std::string_view requires_capability;
  Phase phase = Phase::kAuthenticated;
  int order = 0;  // within the phase; the catalog runs in (phase, order)
};

// An expectation that did not hold: what was expected and what the server said.
struct ScenarioFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The server cannot be asked (a capability or a precondition missing): why.
struct ScenarioSkipped : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The connection failed or timed out: the suite cannot go on on this connection.
struct ConnectionLost : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An extra connection a scenario opens (IDLE's second client, an over-long line), logged in
// unless asked otherwise; recorded into the pipeline as a connection of its own.
struct ExtraConnection {
  capture::ConnectionId id = 0;
  std::unique_ptr<StreamRecorder> recorder;
  std::unique_ptr<ImapClient> client;
  std::vector<std::string> capabilities;  // as last announced on this connection
  ~ExtraConnection() { client.reset(); }
};

class ScenarioContext {
 public:
  virtual ~ScenarioContext() = default;

  virtual ImapClient& client() = 0;
  // The capabilities as last announced (refreshed after STARTTLS and after login).
  virtual const std::vector<std::string>& capabilities() const = 0;
  // The probe's own mailbox (created before the authenticated scenarios run) and its
  // hierarchy delimiter.
  virtual const std::string& root() const = 0;
  virtual char delimiter() const = 0;
  virtual std::unique_ptr<ExtraConnection> open_connection(bool login) = 0;
  // Logs in on `c` (opened without login) the way the options say (--auth: LOGIN, or
  // AUTHENTICATE PLAIN with SASL-IR when offered) with `password`; the password is redacted
  // in the transcript. Throws ScenarioSkipped when that way is not possible on `c`.
  virtual Reply login_attempt(ExtraConnection& c, const std::string& password) = 0;
  // Whether the connection runs over TLS (STARTTLS or implicit) and whether STARTTLS was used.
  virtual bool tls() const = 0;
  virtual bool used_starttls() const = 0;
  // The capabilities seen before STARTTLS (empty without STARTTLS) and the greeting.
  virtual const std::vector<std::string>& capabilities_before_tls() const = 0;
  virtual const ServerResponse* greeting() const = 0;
  virtual const std::string& user() const = 0;
  // Records the server's ID response for the report.
  virtual void set_server_id(std::string id) = 0;

  // The command with `tag` (on the main connection, or on `c`) is deliberately wrong: the
  // client-side violations the rules find in it are the probe's intent, not reported.
  virtual void deliberate(const std::string& tag) = 0;
  virtual void deliberate(const ExtraConnection& c, const std::string& tag) = 0;

  // Helpers every scenario uses.
  bool has(std::string_view capability) const;
  std::string child(std::string_view leaf) const;  // root + delimiter + leaf
  // Runs a command; a transport failure throws ConnectionLost.
  Reply run(std::string text);
  Reply run(const std::vector<std::string>& parts, LiteralMode mode = LiteralMode::kAuto);
  // Throws ScenarioFailure(`what`) unless `condition`.
  static void expect(bool condition, const std::string& what);
  // The tagged status must be `status` (OK by default): else a failure quoting the server.
  static void expect_status(const Reply& reply, analyzer::Status status);
  static void expect_ok(const Reply& reply) { expect_status(reply, analyzer::Status::kOk); }
  // CREATE of a child of the probe mailbox; returns its name.
  std::string create_mailbox(std::string_view leaf);
  // APPEND of `message` to `mailbox`; returns the reply (checked OK).
  Reply append(const std::string& mailbox, const std::string& message,
               const std::string& flags_and_date = {}, LiteralMode mode = LiteralMode::kAuto);
  // SELECT (or EXAMINE) of a probe mailbox, checked OK.
  Reply select(const std::string& mailbox, bool read_only = false);
};

using ScenarioRun = void (*)(ScenarioContext&);

struct ScenarioEntry {
  ScenarioInfo info;
  ScenarioRun run;
};

// Every registered scenario in running order.
const std::vector<ScenarioEntry>& scenario_catalog();

struct ScenarioRegistrar {
  ScenarioRegistrar(const ScenarioInfo& info, ScenarioRun run);
};

// The FETCH item `name` (e.g. "BODY[]", "FLAGS") of an untagged FETCH response, or null.
const analyzer::Arg* fetch_item(const ServerResponse& fetch, std::string_view name);
// The octets of a string argument (literal: the retained octets; quoted: unescaped).
std::string string_value(const ServerResponse& r, const analyzer::Arg& arg);

// The message numbers (or UIDs) of a SEARCH reply: "* SEARCH n..." (RFC 3501 §7.2.5) or the
// ALL set of "* ESEARCH" (RFC 9051 §7.3.4). Sorted.
std::vector<std::uint32_t> search_result(const Reply& reply);
// The number of the last "* n EXISTS" in a reply, or nullopt.
std::optional<std::uint32_t> exists(const Reply& reply);
// The sequence numbers of "* n EXPUNGE" responses, in order.
std::vector<std::uint32_t> expunged(const Reply& reply);
// The "* n FETCH" responses of a reply, by message number.
const ServerResponse* fetch_of(const Reply& reply, std::uint32_t number);

// A test message: headers and body, CRLF line ends (RFC 5322 §2.1).
std::string test_message(std::string_view subject, std::string_view body = "Probe body.\r\n");

}  // namespace imapscope::probe

#define IMAPSCOPE_SCENARIO(ident, ...)                                                     \
  static const ::imapscope::probe::ScenarioRegistrar imapscope_scenario_registrar_##ident( \
      ::imapscope::probe::ScenarioInfo{__VA_ARGS__}, ident)
