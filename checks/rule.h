#pragma once
// The rule framework. A rule is an id, a severity, the side it blames, the RFC section it
// enforces, a one-line summary, and a detector: a SessionObserver that watches the replayed
// session and reports violations. RFC 2119 words decide severity: MUST → error,
// SHOULD → warning.
//
// Adding a rule touches one file (checks/rules/<area>/<name>.cpp, registered with
// IMAPSCOPE_RULE) plus its test (tests/checks/rules/<area>/<name>_test.cpp).

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/observer_plan.h"
#include "analyzer/session_observer.h"
#include "checks/violation.h"

namespace imapscope::checks {

// Which rules apply: RFC 3501 (IMAP4rev1), RFC 9051 (IMAP4rev2), or decided by the session.
enum class Profile : unsigned char { kAuto, kImap4rev1, kImap4rev2 };
std::string_view profile_name(Profile p);

struct RuleInfo {
  std::string_view id;  // dotted, lower case, stable once published
  Severity severity;    // the default; a rule may raise or lower it per profile
  Side side;
  std::string_view rfc;  // e.g. "RFC 9051 §7.5.1"
  std::string_view summary;
};

// How many violations are kept (checks/memory_budget.h); past the limits, findings are only
// counted, by severity, so totals and the exit status stay exact. Shared by every connection.
struct ViolationBudget {
  std::size_t per_rule = 0;  // per rule and connection; 0: no limit
  std::size_t total = 0;     // over the run; 0: no limit
  std::size_t kept = 0;
  std::array<std::uint64_t, 3> not_kept{};  // by Severity
};

// What a rule instance gets: the session it watches and where its findings go.
class RuleContext {
 public:
  RuleContext(const analyzer::SessionView& session, Profile profile, std::uint32_t connection,
              std::vector<Violation>& out)
      : session_(session), profile_(profile), connection_(connection), out_(out) {}

  const analyzer::SessionView& session() const { return session_; }
  Profile profile() const { return profile_; }
  // Applies `budget` (which must outlive this context) to what is reported from now on.
  void set_budget(ViolationBudget* budget) { budget_ = budget; }
  // Findings of this connection counted but not kept, because of the budget.
  std::uint64_t not_kept() const { return not_kept_; }

  // A violation located at the start of `info`'s message.
  void report(const RuleInfo& rule, const analyzer::MessageInfo& info, std::string message,
              std::string_view tag = {}, std::optional<Severity> severity = std::nullopt,
              std::optional<std::size_t> column = std::nullopt);
  // A violation located at a command that is (or was) in progress.
  void report(const RuleInfo& rule, const analyzer::InFlightCommand& command, std::string message,
              std::optional<Severity> severity = std::nullopt);
  // A violation tied to no message (for example about a whole stream).
  void report(const RuleInfo& rule, std::string message);

 private:
  Violation make(const RuleInfo& rule, std::string message, std::optional<Severity> severity);
  // Whether a finding of `rule` is kept, within the budget; counts it when not.
  bool keep(const RuleInfo& rule, std::optional<Severity> severity);

  const analyzer::SessionView& session_;
  Profile profile_;
  std::uint32_t connection_;
  std::vector<Violation>& out_;
  ViolationBudget* budget_ = nullptr;
  std::map<std::string_view, std::size_t> kept_per_rule_;  // rule ids are static strings
  std::uint64_t not_kept_ = 0;
};

class Rule : public analyzer::SessionObserver {
 public:
  explicit Rule(RuleContext& ctx) : ctx_(ctx) {}
  virtual const RuleInfo& info() const = 0;

 protected:
  RuleContext& ctx() { return ctx_; }
  const analyzer::SessionView& session() const { return ctx_.session(); }

 private:
  RuleContext& ctx_;
};

// How a rule class is made: its size and alignment, so that a connection's rules can be laid
// out together (checks/rule_set.h), its constructor, and the events it handles.
struct RuleEntry {
  RuleInfo info;
  std::size_t size = 0;
  std::size_t align = 0;
  Rule* (*construct)(void* where, RuleContext& ctx) = nullptr;
  unsigned events = 0;  // analyzer::events_handled()
};

template <typename Class>
RuleEntry rule_entry() {
  return RuleEntry{Class::kInfo, sizeof(Class), alignof(Class),
                   [](void* where, RuleContext& ctx) -> Rule* { return new (where) Class(ctx); },
                   analyzer::events_handled<Class>()};
}

// Every registered rule, sorted by id.
const std::vector<RuleEntry>& rule_catalog();
const RuleEntry* find_rule(std::string_view id);

struct RuleRegistrar {
  explicit RuleRegistrar(const RuleEntry& entry);
};

}  // namespace imapscope::checks

// Registers a Rule subclass that has `static constexpr RuleInfo kInfo` and a constructor
// taking RuleContext&.
#define IMAPSCOPE_RULE(Class)                                                  \
  static const ::imapscope::checks::RuleRegistrar imapscope_registrar_##Class( \
      ::imapscope::checks::rule_entry<Class>())
