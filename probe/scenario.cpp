#include "probe/scenario.h"

#include <algorithm>
#include <cctype>

#include "analyzer/message_data.h"
#include "analyzer/sequence_set.h"
#include "analyzer/syntax.h"

namespace imapscope::probe {

namespace {

std::vector<ScenarioEntry>& catalog() {
  static std::vector<ScenarioEntry> entries;
  return entries;
}

}  // namespace

ScenarioRegistrar::ScenarioRegistrar(const ScenarioInfo& info, ScenarioRun run) {
  std::vector<ScenarioEntry>& entries = catalog();
  entries.push_back({info, run});
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    if (a.info.phase != b.info.phase) return a.info.phase < b.info.phase;
    if (a.info.order != b.info.order) return a.info.order < b.info.order;
    return a.info.name < b.info.name;
  });
}

const std::vector<ScenarioEntry>& scenario_catalog() {
  return catalog();
}

bool ScenarioContext::has(std::string_view capability) const {
  for (const std::string& c : capabilities())
    if (analyzer::iequals(c, capability)) return true;
  return false;
}

std::string ScenarioContext::child(std::string_view leaf) const {
  return root() + delimiter() + std::string(leaf);
}

Reply ScenarioContext::run(std::string text) {
  Reply r = client().command(std::move(text));
  if (!r.error.empty()) throw ConnectionLost(r.command + ": " + r.error);
  return r;
}

Reply ScenarioContext::run(const std::vector<std::string>& parts, LiteralMode mode) {
  Reply r = client().command(parts, mode);
  if (!r.error.empty()) throw ConnectionLost(r.command + ": " + r.error);
  return r;
}

void ScenarioContext::expect(bool condition, const std::string& what) {
  if (!condition) throw ScenarioFailure(what);
}

void ScenarioContext::expect_status(const Reply& reply, analyzer::Status status) {
  if (reply.status() == status) return;
  throw ScenarioFailure("expected " + std::string(analyzer::status_name(status)) + " to '" +
                        reply.command + "', the server said " + reply.words());
}

std::string ScenarioContext::create_mailbox(std::string_view leaf) {
  const std::string name = child(leaf);
  expect_ok(run("CREATE " + quoted(name)));
  return name;
}

Reply ScenarioContext::append(const std::string& mailbox, const std::string& message,
                              const std::string& flags_and_date, LiteralMode mode) {
  std::string head = "APPEND " + quoted(mailbox) + " ";
  if (!flags_and_date.empty()) head += flags_and_date + " ";
  Reply r = run({head, message, ""}, mode);
  expect_ok(r);
  return r;
}

Reply ScenarioContext::select(const std::string& mailbox, bool read_only) {
  Reply r = run(std::string(read_only ? "EXAMINE " : "SELECT ") + quoted(mailbox));
  expect_ok(r);
  return r;
}

namespace {

// A FETCH item name as compared: upper case, and a header field name sent as a quoted string
// taken as its text. RFC 9051 §9: header-fld-name = astring, so Courier's
// BODY[HEADER.FIELDS ("SUBJECT")] names what BODY[HEADER.FIELDS (SUBJECT)] asked for.
std::string canonical_item(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool quoted = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted && c == '\\' && i + 1 < name.size()) ++i;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
  }
  return out;
}

}  // namespace

const analyzer::Arg* fetch_item(const ServerResponse& fetch, std::string_view name) {
  const auto& args = fetch.response.args;
  if (args.empty() || args[0].kind != analyzer::ArgKind::kList) return nullptr;
  const auto& items = args[0].children;
  const std::string wanted = canonical_item(name);
  for (std::size_t i = 0; i + 1 < items.size(); i += 2)
    if (items[i].kind == analyzer::ArgKind::kAtom && canonical_item(items[i].text) == wanted)
      return &items[i + 1];
  return nullptr;
}

std::string string_value(const ServerResponse& r, const analyzer::Arg& arg) {
  if (arg.kind == analyzer::ArgKind::kLiteral) return r.message.literals[arg.literal].retained;
  if (arg.kind != analyzer::ArgKind::kQuoted) return std::string(arg.text);
  std::string out;
  for (std::size_t i = 0; i < arg.text.size(); ++i) {
    if (arg.text[i] == '\\' && i + 1 < arg.text.size()) ++i;
    out += arg.text[i];
  }
  return out;
}

std::vector<std::uint32_t> search_result(const Reply& reply) {
  std::vector<std::uint32_t> out;
  for (const ServerResponse* r : reply.data("SEARCH"))
    for (const analyzer::Arg& a : r->response.args)
      if (auto n = analyzer::read_number(a.text)) out.push_back(static_cast<std::uint32_t>(*n));
  for (const ServerResponse* r : reply.data("ESEARCH")) {
    const auto& args = r->response.args;
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (!args[i].is_atom("ALL")) continue;
      std::optional<analyzer::SequenceSet> set = analyzer::SequenceSet::parse(args[i + 1].text);
      if (!set) continue;
      for (const auto& range : set->ranges()) {
        const std::uint32_t lo = std::min(range.first, range.last);
        const std::uint32_t hi = std::max(range.first, range.last);
        for (std::uint64_t n = lo; n <= hi && out.size() < 100000; ++n)
          out.push_back(static_cast<std::uint32_t>(n));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::uint32_t> exists(const Reply& reply) {
  std::optional<std::uint32_t> n;
  for (const ServerResponse* r : reply.data("EXISTS"))
    n = r->response.number;
  return n;
}

std::vector<std::uint32_t> expunged(const Reply& reply) {
  std::vector<std::uint32_t> out;
  for (const ServerResponse* r : reply.data("EXPUNGE"))
    out.push_back(r->response.number);
  return out;
}

const ServerResponse* fetch_of(const Reply& reply, std::uint32_t number) {
  for (const ServerResponse* r : reply.data("FETCH"))
    if (r->response.number == number) return r;
  return nullptr;
}

std::string test_message(std::string_view subject, std::string_view body) {
  return "From: imapscope probe <probe@example.invalid>\r\n"
         "To: probe@example.invalid\r\n"
         "Subject: " +
         std::string(subject) +
         "\r\n"
         "Date: Mon, 23 Nov 2026 20:00:00 +0000\r\n"
         "Message-ID: <" +
         std::string(subject) +
         "@imapscope.invalid>\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=us-ascii\r\n"
         "\r\n" +
         std::string(body);
}

}  // namespace imapscope::probe
