// fetch.partial-too-long — RFC 9051 §6.4.5, BODY[<section>]<<partial>>: "It is possible to
// fetch a substring of the designated text. This is done by appending an open angle bracket
// ("<"), the octet position of the first desired octet, a period, the maximum number of octets
// desired, and a close angle bracket (">") to the part specifier." (BINARY likewise, counting
// decoded octets.) The answer, BODY[<section>]<<origin>>, may be shorter but not longer than
// that maximum. No RFC 2119 keyword governs it, so it is a warning.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/message_data.h"
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

using analyzer::Arg;
using analyzer::ArgKind;

struct Partial {
  std::string key;  // "BODY[HEADER]", upper case, without .PEEK
  std::uint64_t origin = 0;
  std::uint64_t count = 0;  // 0 in a response item
};

// "BODY.PEEK[1]<0.100>" → {BODY[1], 0, 100}; "BODY[1]<0>" → {BODY[1], 0, 0}.
std::optional<Partial> read_partial(std::string_view item) {
  const std::size_t close = item.rfind(']');
  if (close == std::string_view::npos || close + 2 >= item.size() || item[close + 1] != '<' ||
      item.back() != '>') {
    return std::nullopt;
  }
  Partial p;
  p.key = analyzer::to_upper(item.substr(0, close + 1));
  if (const std::size_t peek = p.key.find(".PEEK["); peek != std::string::npos) {
    p.key.erase(peek, 5);
  }
  const std::string_view range = item.substr(close + 2, item.size() - close - 3);
  const std::size_t dot = range.find('.');
  const auto origin = analyzer::read_number(range.substr(0, dot), UINT64_MAX);
  if (!origin) return std::nullopt;
  p.origin = *origin;
  if (dot != std::string_view::npos) {
    const auto count = analyzer::read_number(range.substr(dot + 1), UINT64_MAX);
    if (!count) return std::nullopt;
    p.count = *count;
  }
  return p;
}

class FetchPartialTooLong final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"fetch.partial-too-long", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §6.4.5",
                                  "partial FETCH answered with more octets than asked for"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kFetch, analyzer::CommandId::kUidFetch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    using analyzer::CommandId;
    if ((cmd.id != CommandId::kFetch && cmd.id != CommandId::kUidFetch) || cmd.args.size() < 2) {
      return;
    }
    std::vector<Partial> asked;
    const Arg& items = cmd.args[1];
    if (items.kind == ArgKind::kList) {
      for (const Arg& a : items.children)
        add(asked, a);
    } else {
      add(asked, items);
    }
    if (!asked.empty()) requests_.push_back({std::string(cmd.tag), std::move(asked)});
  }
  // Its completions clear only what its own commands noted.
  analyzer::CommandWatch watched_completions() const override { return watched_commands(); }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr) return;
    std::erase_if(requests_, [&](const Request& q) { return q.tag == cmd->tag; });
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (info.fetch == nullptr || !info.fetch->well_formed || requests_.empty()) return;
    const std::vector<Arg>& items = r.args[0].children;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      const auto got = read_partial(items[i].text);
      if (!got) continue;
      const std::optional<std::uint64_t> length = octets(items[i + 1], info.message);
      if (!length) continue;
      std::optional<std::uint64_t> allowed;
      for (const Request& q : requests_) {
        if (session().find_in_flight(q.tag) == nullptr) continue;
        for (const Partial& p : q.asked) {
          if (p.key == got->key && p.origin == got->origin)
            allowed = std::max(allowed.value_or(0), p.count);
        }
      }
      if (!allowed || *length <= *allowed) continue;
      ctx().report(kInfo, info,
                   std::string(items[i].text) + " of message " + std::to_string(r.number) +
                       " has " + std::to_string(*length) + " octets; at most " +
                       std::to_string(*allowed) + " were asked for");
      return;
    }
  }

 private:
  struct Request {
    std::string tag;
    std::vector<Partial> asked;
  };
  static void add(std::vector<Partial>& out, const Arg& a) {
    if (a.kind != ArgKind::kAtom) return;
    if (auto p = read_partial(a.text); p && p->count != 0) out.push_back(std::move(*p));
  }
  static std::optional<std::uint64_t> octets(const Arg& v, const analyzer::Message& m) {
    if (v.kind == ArgKind::kLiteral && v.literal < m.literals.size())
      return m.literals[v.literal].size;
    if (v.kind == ArgKind::kQuoted) {
      std::uint64_t n = 0;
      for (std::size_t i = 0; i < v.text.size(); ++i, ++n) {
        if (v.text[i] == '\\') ++i;
      }
      return n;
    }
    return std::nullopt;
  }

  std::vector<Request> requests_;
};
IMAPSCOPE_RULE(FetchPartialTooLong);

}  // namespace
}  // namespace imapscope::checks
