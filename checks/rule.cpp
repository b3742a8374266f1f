#include "checks/rule.h"

#include <algorithm>

namespace imapscope::checks {
namespace {

std::vector<RuleEntry>& registry() {
  static std::vector<RuleEntry> entries;
  return entries;
}

bool& registry_sorted() {
  static bool sorted = false;
  return sorted;
}

}  // namespace

std::string_view profile_name(Profile p) {
  switch (p) {
    case Profile::kAuto:
      return "auto";
    case Profile::kImap4rev1:
      return "imap4rev1";
    case Profile::kImap4rev2:
      return "imap4rev2";
  }
  return "auto";
}

RuleRegistrar::RuleRegistrar(const RuleEntry& entry) {
  registry().push_back(entry);
  registry_sorted() = false;
}

const std::vector<RuleEntry>& rule_catalog() {
  auto& entries = registry();
  if (!registry_sorted()) {
    std::sort(entries.begin(), entries.end(),
              [](const RuleEntry& a, const RuleEntry& b) { return a.info.id < b.info.id; });
    registry_sorted() = true;
  }
  return entries;
}

const RuleEntry* find_rule(std::string_view id) {
  for (const RuleEntry& e : rule_catalog()) {
    if (e.info.id == id) return &e;
  }
  return nullptr;
}

Violation RuleContext::make(const RuleInfo& rule, std::string message,
                            std::optional<Severity> severity) {
  Violation v;
  v.rule = std::string(rule.id);
  v.severity = severity.value_or(rule.severity);
  v.side = rule.side;
  v.connection = connection_;
  v.message = std::move(message);
  v.rfc = std::string(rule.rfc);
  return v;
}

bool RuleContext::keep(const RuleInfo& rule, std::optional<Severity> severity) {
  if (budget_ == nullptr) return true;
  std::size_t& kept = kept_per_rule_[rule.id];
  if ((budget_->per_rule == 0 || kept < budget_->per_rule) &&
      (budget_->total == 0 || budget_->kept < budget_->total)) {
    ++kept;
    ++budget_->kept;
    return true;
  }
  ++budget_->not_kept[static_cast<std::size_t>(severity.value_or(rule.severity))];
  ++not_kept_;
  return false;
}

void RuleContext::report(const RuleInfo& rule, const analyzer::MessageInfo& info,
                         std::string message, std::string_view tag,
                         std::optional<Severity> severity, std::optional<std::size_t> column) {
  if (session_.findings_suspended()) return;  // see SessionView::findings_suspended
  if (!keep(rule, severity)) return;
  Violation v = make(rule, std::move(message), severity);
  const analyzer::Message& m = info.message;
  v.line = m.origin.line;
  v.offset = m.offset;
  v.packet = m.origin.packet;
  v.time = m.origin.time;
  v.direction = m.dir;
  v.column = column;
  if (column) v.excerpt_column = analyzer::excerpt_column(m, info.redact, *column);
  v.tag = std::string(tag);
  v.excerpt = info.excerpt();
  out_.push_back(std::move(v));
}

void RuleContext::report(const RuleInfo& rule, const analyzer::InFlightCommand& command,
                         std::string message, std::optional<Severity> severity) {
  if (session_.findings_suspended()) return;
  if (!keep(rule, severity)) return;
  Violation v = make(rule, std::move(message), severity);
  v.line = command.origin.line;
  v.offset = command.offset;
  v.packet = command.origin.packet;
  v.time = command.origin.time;
  v.direction = capture::Direction::kClientToServer;
  v.tag = command.tag;
  v.excerpt = command.excerpt;
  out_.push_back(std::move(v));
}

void RuleContext::report(const RuleInfo& rule, std::string message) {
  if (session_.findings_suspended()) return;
  if (!keep(rule, std::nullopt)) return;
  out_.push_back(make(rule, std::move(message), std::nullopt));
}

}  // namespace imapscope::checks
