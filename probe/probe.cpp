#include "probe/probe.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>

#include "analyzer/syntax.h"
#include "checks/pipeline.h"
#include "probe/scenario.h"

namespace imapscope::probe {

using analyzer::ResponseKind;
using analyzer::Status;
using checks::ScenarioResult;

namespace {

std::string base64(std::string_view in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(in.data()),
                                static_cast<int>(in.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string random_suffix() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> hex(0, 15);
  std::string s;
  for (int i = 0; i < 10; ++i)
    s += "0123456789abcdef"[hex(rd)];
  return s;
}

bool selected_by(std::string_view name, const std::vector<std::string>& selection) {
  if (selection.empty()) return true;
  for (const std::string& s : selection)
    if (name == s || (name.starts_with(s) && name.size() > s.size() && name[s.size()] == '.'))
      return true;
  return false;
}

bool offers(const std::vector<std::string>& caps, std::string_view cap) {
  return std::any_of(caps.begin(), caps.end(),
                     [&](const std::string& c) { return analyzer::iequals(c, cap); });
}

std::vector<std::string> to_strings(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}

// One run of the suite: the connections, what was learnt, and the scenario context.
class ProbeRun final : public ScenarioContext {
 public:
  ProbeRun(const ProbeOptions& options, checks::Analysis& analysis, std::ostream* transcript)
      : options_(options),
        analysis_(analysis),
        pipeline_(options.check, analysis, 0),
        transcript_(transcript) {
    client_options_.timeout = options.timeout;
  }

  std::string run();

  // ScenarioContext
  ImapClient& client() override { return *main_->client; }
  const std::vector<std::string>& capabilities() const override { return caps_; }
  const std::string& root() const override { return root_; }
  char delimiter() const override { return delimiter_; }
  std::unique_ptr<ExtraConnection> open_connection(bool login) override;
  Reply login_attempt(ExtraConnection& c, const std::string& password) override;
  bool tls() const override { return tls_; }
  bool used_starttls() const override { return used_starttls_; }
  const std::vector<std::string>& capabilities_before_tls() const override {
    return caps_before_tls_;
  }
  const ServerResponse* greeting() const override { return greeting_.get(); }
  const std::string& user() const override { return options_.target.user; }
  void set_server_id(std::string id) override { summary().id = std::move(id); }
  void deliberate(const std::string& tag) override { deliberate_.insert({1, tag}); }
  void deliberate(const ExtraConnection& c, const std::string& tag) override {
    deliberate_.insert({c.id, tag});
  }

 private:
  checks::ProbeSummary& summary() { return *analysis_.probe; }
  // Connects, reads the greeting, runs TLS as configured and (when `login`) logs in. Fills
  // `caps` with the capabilities last announced. Returns "" or a one-line error.
  std::string establish(ExtraConnection& c, bool login, std::vector<std::string>& caps, bool main);
  std::string refresh_capabilities(ImapClient& client, const Reply* after,
                                   std::vector<std::string>& caps);
  std::string login(ImapClient& client, const std::vector<std::string>& caps, Reply& reply);
  // Sends the login the options ask for with `password`; "" or why it cannot be sent.
  std::string send_login(ImapClient& client, const std::vector<std::string>& caps,
                         const std::string& password, Reply& reply);
  std::unique_ptr<ExtraConnection> new_connection(bool main);
  void run_phase(Phase phase);
  void run_scenario(const ScenarioEntry& entry);
  std::string personal_prefix();
  void cleanup();
  std::string delete_probe_mailboxes(ImapClient& client);
  void logout();

  const ProbeOptions& options_;
  checks::Analysis& analysis_;
  checks::Pipeline pipeline_;
  std::ostream* transcript_;
  ClientOptions client_options_;
  capture::ConnectionId next_id_ = 1;
  std::unique_ptr<ExtraConnection> main_;
  std::vector<std::string> caps_;
  std::vector<std::string> caps_before_tls_;
  ResponsePtr greeting_;
  bool tls_ = false;
  bool used_starttls_ = false;
  bool preauth_ = false;
  std::string root_;
  char delimiter_ = '/';
  bool root_created_ = false;
  std::string lost_;  // why the main connection is gone
  std::set<std::pair<capture::ConnectionId, std::string>> deliberate_;  // (connection, tag)
};

std::unique_ptr<ExtraConnection> ProbeRun::new_connection(bool main) {
  auto c = std::make_unique<ExtraConnection>();
  c->id = next_id_;
  // Only the main connection is in the transcript; its line 1 is the header comment.
  c->recorder = std::make_unique<StreamRecorder>(pipeline_.sink(), next_id_++,
                                                 main ? transcript_ : nullptr, main ? 2 : 0);
  return c;
}

std::string ProbeRun::refresh_capabilities(ImapClient& client, const Reply* after,
                                           std::vector<std::string>& caps) {
  // RFC 9051 §7.1: a CAPABILITY response code in the tagged OK spares the command.
  if (after != nullptr && after->code("CAPABILITY") != nullptr) {
    caps = to_strings(after->tagged->response.capabilities);
    return {};
  }
  Reply r = client.command("CAPABILITY");
  if (!r.error.empty()) return r.error;
  if (!r.ok()) return "CAPABILITY failed: " + r.words();
  caps.clear();
  for (const ServerResponse* d : r.data("CAPABILITY"))
    for (std::string_view c : d->response.capabilities)
      caps.emplace_back(c);
  return {};
}

std::string ProbeRun::login(ImapClient& client, const std::vector<std::string>& caps,
                            Reply& reply) {
  if (std::string e = send_login(client, caps, options_.password, reply); !e.empty()) return e;
  if (!reply.error.empty()) return reply.error;
  if (!reply.ok())
    return "login as " + options_.target.user + " failed: the server said " + reply.words();
  return {};
}

Reply ProbeRun::login_attempt(ExtraConnection& c, const std::string& password) {
  Reply reply;
  if (std::string e = send_login(*c.client, c.capabilities, password, reply); !e.empty())
    throw ScenarioSkipped(e);
  return reply;
}

std::string ProbeRun::send_login(ImapClient& client, const std::vector<std::string>& caps,
                                 const std::string& password, Reply& reply) {
  const std::string& user = options_.target.user;
  AuthMethod method = options_.auth;
  if (method == AuthMethod::kAuto)
    method = offers(caps, "AUTH=PLAIN") ? AuthMethod::kPlain : AuthMethod::kLogin;
  if (method == AuthMethod::kLogin) {
    if (offers(caps, "LOGINDISABLED"))
      return "the server advertises LOGINDISABLED (RFC 9051 §6.2.3): LOGIN is refused here";
    const auto unquotable = [](const std::string& s) {
      return std::any_of(s.begin(), s.end(), [](char c) {
        return c == '\r' || c == '\n' || c == '\0' || static_cast<unsigned char>(c) >= 0x80;
      });
    };
    if (unquotable(user) || unquotable(password))
      return "the user name or password cannot be sent as a quoted string; use --auth plain";
    reply = client.command_redacted("LOGIN " + quoted(user) + " " + quoted(password),
                                    "LOGIN " + quoted(user) + " \"***\"");
  } else {
    // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd.
    const std::string response = base64(std::string(1, '\0') + user + '\0' + password);
    const std::string shown = base64(std::string(1, '\0') + user + '\0' + "***");
    if (offers(caps, "SASL-IR")) {
      // RFC 4959 §3: the initial response rides on the command.
      reply =
          client.command_redacted("AUTHENTICATE PLAIN " + response, "AUTHENTICATE PLAIN " + shown);
    } else {
      const std::string tag = client.next_tag();
      reply = Reply{};
      reply.command = tag + " AUTHENTICATE PLAIN";
      reply.error = client.send(reply.command + "\r\n");
      const auto until = client.deadline();
      while (reply.error.empty()) {
        ResponsePtr r = client.read(until, reply.error);
        if (!r) break;
        if (r->parsed && r->response.kind == ResponseKind::kTagged && r->response.tag == tag) {
          reply.tagged = std::move(r);
          break;
        }
        if (r->parsed && r->response.kind == ResponseKind::kContinuation) {
          reply.error = client.send(response + "\r\n", shown + "\r\n");
          if (reply.error.empty()) reply = client.finish(std::move(reply), tag);
          break;
        }
        reply.untagged.push_back(std::move(r));
      }
    }
  }
  return {};
}

std::string ProbeRun::establish(ExtraConnection& c, bool do_login, std::vector<std::string>& caps,
                                bool main) {
  const Target& t = options_.target;
  auto opened = capture::LiveConnection::open(t.host, t.port, options_.timeout);
  if (auto* e = std::get_if<std::string>(&opened)) return *e;
  auto connection = std::move(std::get<std::unique_ptr<capture::LiveConnection>>(opened));
  if (t.implicit_tls) {
    // RFC 8314 §3.3: on the imaps port TLS starts at once, before the greeting.
    if (std::string e = connection->start_tls(options_.tls,
                                              std::chrono::steady_clock::now() + options_.timeout);
        !e.empty())
      return e;
  }
  c.client = std::make_unique<ImapClient>(std::move(connection), *c.recorder, client_options_);
  ImapClient& client = *c.client;
  std::string error;
  ResponsePtr greeting = client.read_greeting(error);
  if (!greeting) return "no greeting: " + error;
  if (!greeting->parsed || greeting->response.kind != ResponseKind::kUntaggedStatus ||
      (greeting->response.status != Status::kOk && greeting->response.status != Status::kPreauth))
    return "the server refused the connection: '" + greeting->words() + "'";
  const bool preauth = greeting->response.status == Status::kPreauth;
  if (main) {
    greeting_ = greeting;
    preauth_ = preauth;
    summary().greeting = greeting->words();
    tls_ = t.implicit_tls;
  }
  if (greeting->response.code && analyzer::iequals(greeting->response.code->name, "CAPABILITY"))
    caps = to_strings(greeting->response.capabilities);
  else if (std::string e = refresh_capabilities(client, nullptr, caps); !e.empty())
    return e;
  if (!t.implicit_tls && !preauth && options_.starttls != StarttlsPolicy::kNever) {
    if (!offers(caps, "STARTTLS")) {
      if (options_.starttls == StarttlsPolicy::kRequire)
        return client.connection().peer() +
               ": the server does not offer STARTTLS (--starttls if-offered or never to probe "
               "in cleartext)";
    } else {
      Reply r = client.command("STARTTLS");
      if (!r.error.empty()) return r.error;
      if (!r.ok()) return "STARTTLS failed: the server said " + r.words();
      if (std::string e = client.start_tls(options_.tls); !e.empty()) return e;
      if (main) {
        caps_before_tls_ = caps;
        used_starttls_ = true;
        tls_ = true;
      }
      // RFC 9051 §6.2.1: the client MUST discard cached capabilities after STARTTLS.
      if (std::string e = refresh_capabilities(client, nullptr, caps); !e.empty()) return e;
    }
  }
  client.set_literal_plus(offers(caps, "LITERAL+"), offers(caps, "LITERAL-"));
  if (main) {
    const capture::TlsSession& s = client.connection().tls();
    summary().tls_version = s.version;
    summary().tls_cipher = s.cipher;
    summary().tls_subject = s.subject;
    summary().capabilities_before_login = caps;
  }
  if (!do_login || preauth) return {};
  Reply reply;
  if (std::string e = login(client, caps, reply); !e.empty()) return e;
  // RFC 9051 §6.2.2/§6.2.3: capabilities may change after login; refresh them.
  if (std::string e = refresh_capabilities(client, &reply, caps); !e.empty()) return e;
  client.set_literal_plus(offers(caps, "LITERAL+"), offers(caps, "LITERAL-"));
  return {};
}

std::unique_ptr<ExtraConnection> ProbeRun::open_connection(bool do_login) {
  auto c = new_connection(false);
  if (std::string e = establish(*c, do_login, c->capabilities, false); !e.empty())
    throw ScenarioFailure("a second connection failed: " + e);
  return c;
}

void ProbeRun::run_scenario(const ScenarioEntry& entry) {
  ScenarioResult result;
  result.name = std::string(entry.info.name);
  result.rfc = std::string(entry.info.rfc);
  const auto start = std::chrono::steady_clock::now();
  const auto finish = [&](ScenarioResult::Outcome outcome, std::string detail) {
    result.outcome = outcome;
    result.detail = std::move(detail);
    result.duration_us =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count());
    summary().scenarios.push_back(std::move(result));
  };
  if (!lost_.empty()) {
    finish(ScenarioResult::Outcome::kSkipped, "the connection was lost earlier: " + lost_);
    return;
  }
  if (!entry.info.requires_capability.empty()) {
    bool any = false;
    std::string_view need = entry.info.requires_capability;
    while (!need.empty()) {
      const auto bar = need.find('|');
      any = any || has(need.substr(0, bar));
      need = bar == std::string_view::npos ? std::string_view{} : need.substr(bar + 1);
    }
    if (!any) {
      finish(ScenarioResult::Outcome::kSkipped,
             "the server does not offer " + std::string(entry.info.requires_capability));
      return;
    }
  }
  try {
    entry.run(*this);
    finish(ScenarioResult::Outcome::kPass, {});
  } catch (const ScenarioSkipped& e) {
    finish(ScenarioResult::Outcome::kSkipped, e.what());
  } catch (const ScenarioFailure& e) {
    finish(ScenarioResult::Outcome::kFail, e.what());
  } catch (const ConnectionLost& e) {
    lost_ = e.what();
    finish(ScenarioResult::Outcome::kFail, e.what());
  }
  if (lost_.empty() && !client().alive() && entry.info.phase != Phase::kLogout) {
    lost_ = "the server closed the connection";
  }
}

void ProbeRun::run_phase(Phase phase) {
  for (const ScenarioEntry& entry : scenario_catalog())
    if (entry.info.phase == phase && selected_by(entry.info.name, options_.scenarios))
      run_scenario(entry);
}

std::string ProbeRun::delete_probe_mailboxes(ImapClient& client) {
  // Leave any selected mailbox (ours): EXAMINE then CLOSE expunges nothing (read-only).
  Reply examined = client.command("EXAMINE " + quoted(root_));
  if (!examined.error.empty()) return examined.error;
  if (examined.ok()) client.command("CLOSE");
  Reply list = client.command("LIST \"\" " + quoted(root_ + "*"));
  if (!list.error.empty()) return list.error;
  std::vector<std::string> names;
  for (const ServerResponse* d : list.data("LIST")) {
    const auto& args = d->response.args;
    if (args.size() >= 3) names.push_back(string_value(*d, args[2]));
  }
  // Children before their parents: deeper names are longer.
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string failed;
  for (const std::string& name : names) {
    if (name != root_ && !name.starts_with(root_ + delimiter_)) continue;  // not ours
    Reply r = client.command("DELETE " + quoted(name));
    if (!r.error.empty()) return r.error;
    if (!r.ok()) failed += (failed.empty() ? "" : "; ") + name + ": " + r.words();
  }
  // RFC 9051 §6.3.7: the server "SHOULD NOT unilaterally remove an existing mailbox name from
  // the subscription list even if a mailbox by that name no longer exists", so a subscription
  // of a probe mailbox (the subscribe scenario's, if it failed half-way) would outlive it.
  const bool extended = offers(caps_, "LIST-EXTENDED") || offers(caps_, "IMAP4rev2");
  Reply subscribed =
      client.command((extended ? "LIST (SUBSCRIBED) \"\" " : "LSUB \"\" ") + quoted(root_ + "*"));
  if (!subscribed.error.empty()) return subscribed.error;
  for (const ServerResponse* d : subscribed.data(extended ? "LIST" : "LSUB")) {
    const auto& args = d->response.args;
    if (args.size() < 3) continue;
    const std::string name = string_value(*d, args[2]);
    if (name != root_ && !name.starts_with(root_ + delimiter_)) continue;  // not ours
    Reply r = client.command("UNSUBSCRIBE " + quoted(name));
    if (!r.error.empty()) return r.error;
    if (!r.ok()) failed += (failed.empty() ? "" : "; ") + name + ": " + r.words();
  }
  if (!failed.empty()) return "could not delete " + failed;
  return {};
}

// The prefix of the user's first personal namespace (RFC 2342 §4, RFC 9051 §6.3.10): where
// the probe may create its mailbox. Cyrus and Courier put a user's mailboxes under "INBOX."
// and answer NO to a CREATE at the top level. Its delimiter is the one the probe's names use.
std::string ProbeRun::personal_prefix() {
  if (!offers(caps_, "NAMESPACE") && !offers(caps_, "IMAP4rev2")) return {};
  Reply r = client().command("NAMESPACE");
  for (const ServerResponse* d : r.data("NAMESPACE")) {
    const auto& args = d->response.args;
    if (args.empty() || args[0].kind != analyzer::ArgKind::kList || args[0].children.empty())
      continue;
    const analyzer::Arg& first = args[0].children[0];  // ("INBOX." ".")
    if (first.kind != analyzer::ArgKind::kList || first.children.size() < 2) continue;
    const analyzer::Arg& delimiter = first.children[1];
    if (delimiter.kind == analyzer::ArgKind::kQuoted && delimiter.text.size() == 1)
      delimiter_ = delimiter.text[0];
    return string_value(*d, first.children[0]);
  }
  return {};
}

void ProbeRun::cleanup() {
  if (!root_created_) return;
  std::string error;
  if (main_ && main_->client && main_->client->alive()) error = delete_probe_mailboxes(client());
  if (!main_ || !main_->client || !main_->client->alive()) {
    // The connection dropped: reconnect once to remove what the probe created.
    auto again = new_connection(false);
    std::vector<std::string> caps;
    error = establish(*again, true, caps, false);
    if (error.empty()) error = delete_probe_mailboxes(*again->client);
    if (again->client && again->client->alive()) again->client->command("LOGOUT");
  }
  if (!error.empty()) {
    summary().scenarios.push_back({"probe.cleanup", "", ScenarioResult::Outcome::kFail,
                                   "removing " + root_ + " failed: " + error, 0});
  }
}

void ProbeRun::logout() {
  if (!lost_.empty() || !client().alive()) return;
  bool scenario = false;
  for (const ScenarioEntry& entry : scenario_catalog())
    scenario = scenario || (entry.info.phase == Phase::kLogout &&
                            selected_by(entry.info.name, options_.scenarios));
  if (scenario) {
    run_phase(Phase::kLogout);
  } else {
    client().command("LOGOUT");
  }
}

std::string ProbeRun::run() {
  analysis_.inputs.push_back({options_.target.url(), "probe", ""});
  analysis_.probe = checks::ProbeSummary{};
  summary().target = options_.target.url();
  if (transcript_ != nullptr)
    *transcript_ << "# imapscope probe of " << options_.target.url() << '\n';
  main_ = new_connection(true);
  std::string error = establish(*main_, false, caps_, true);
  if (error.empty()) {
    run_phase(Phase::kNotAuthenticated);
    if (!lost_.empty()) error = lost_;
  }
  if (error.empty() && !preauth_) {
    Reply reply;
    error = login(client(), caps_, reply);
    if (error.empty()) error = refresh_capabilities(client(), &reply, caps_);
    client().set_literal_plus(offers(caps_, "LITERAL+"), offers(caps_, "LITERAL-"));
  }
  if (error.empty()) {
    summary().capabilities_after_login = caps_;
    // The hierarchy delimiter (RFC 9051 §6.3.9: LIST "" "" returns it).
    Reply r = client().command("LIST \"\" \"\"");
    for (const ServerResponse* d : r.data("LIST"))
      if (d->response.args.size() >= 2 && d->response.args[1].kind == analyzer::ArgKind::kQuoted &&
          d->response.args[1].text.size() == 1)
        delimiter_ = d->response.args[1].text[0];
    root_ = personal_prefix() + "imapscope-probe-" + random_suffix();
    Reply created = client().command("CREATE " + quoted(root_));
    if (!created.error.empty())
      error = created.error;
    else if (!created.ok())
      error = "cannot create the probe mailbox " + root_ + ": the server said " + created.words();
    else
      root_created_ = true;
  }
  if (error.empty()) run_phase(Phase::kAuthenticated);
  cleanup();
  if (error.empty()) logout();
  if (!lost_.empty() && summary().aborted.empty()) summary().aborted = lost_;
  if (main_ && main_->client) main_->client->close();
  pipeline_.end_input();
  // The probe's deliberately bad commands are not held against it.
  std::erase_if(analysis_.violations, [&](const checks::Violation& v) {
    if (v.side != checks::Side::kClient) return false;
    for (const auto& [connection, tag] : deliberate_)
      if (v.connection == connection && (v.tag == tag || v.excerpt.starts_with(tag + " ")))
        return true;
    return false;
  });
  return error;
}

}  // namespace

ProbeResult run_probe(const ProbeOptions& options) {
  ProbeResult result;
  std::ofstream file;
  if (!options.transcript_path.empty()) {
    file.open(options.transcript_path, std::ios::binary);
    if (!file) {
      result.error = options.transcript_path + ": cannot open for writing";
      return result;
    }
  }
  {
    ProbeRun run(options, result.analysis, file.is_open() ? &file : nullptr);
    result.error = run.run();
  }
  if (file.is_open()) {
    file.flush();
    if (!file && result.error.empty()) result.error = options.transcript_path + ": write failed";
  }
  return result;
}

std::string check_scenario_selection(const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    const bool any =
        std::any_of(scenario_catalog().begin(), scenario_catalog().end(),
                    [&](const ScenarioEntry& e) { return selected_by(e.info.name, {n}); });
    if (!any) return "--scenarios: no scenario is named '" + n + "' (see --list-scenarios)";
  }
  return {};
}

void write_scenario_list(std::ostream& out) {
  for (const ScenarioEntry& e : scenario_catalog()) {
    out << e.info.name << "  (" << e.info.rfc << ")";
    if (!e.info.requires_capability.empty()) out << "  needs " << e.info.requires_capability;
    out << "\n    " << e.info.summary << '\n';
  }
}

}  // namespace imapscope::probe
