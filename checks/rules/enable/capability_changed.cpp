// enable.capability-changed — RFC 5161 §3.1: "The server MUST NOT change the CAPABILITY list as
// a result of executing ENABLE; i.e., a CAPABILITY command issued right after an ENABLE command
// MUST list the same capabilities as a CAPABILITY command issued before the ENABLE command."
// Compared: the last list before a successful ENABLE and the first after it, when no STARTTLS,
// LOGIN, AUTHENTICATE or UNAUTHENTICATE (which may change the list, RFC 9051 §7.2.2) came
// between.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/command.h"
#include "checks/rule.h"
#include "checks/rules/response_watch.h"

namespace imapscope::checks {
namespace {

class EnableCapabilityChanged final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"enable.capability-changed", Severity::kError, Side::kServer,
                                  "RFC 5161 §3.1",
                                  "capability list after ENABLE differs from the one before"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_greeting(const analyzer::Response* r, const analyzer::SyntaxError* /*error*/,
                   const analyzer::MessageInfo& info) override {
    if (r != nullptr && !r->capabilities.empty()) listed(r->capabilities, info);
  }
  analyzer::UntaggedWatch watched_untagged() const override {
    return response_watch::kCapabilityListing;
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (!r.capabilities.empty()) listed(r.capabilities, info);
  }
  void on_completion(const analyzer::Response& r, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    const bool ok = cmd != nullptr && r.status == analyzer::Status::kOk;
    if (ok && analyzer::changes_tls_or_authentication(cmd->id)) {
      last_.reset();
      enabled_since_ = false;
      if (!r.capabilities.empty() && cmd->id != CommandId::kStarttls) {
        listed(r.capabilities, info);
      }
      return;
    }
    if (!r.capabilities.empty()) listed(r.capabilities, info);
    if (ok && cmd->id == CommandId::kEnable && last_) enabled_since_ = true;
  }

 private:
  static std::vector<std::string> normalized(const std::vector<std::string_view>& caps) {
    std::vector<std::string> out;
    for (std::string_view c : caps)
      out.push_back(analyzer::to_upper(c));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  void listed(const std::vector<std::string_view>& caps, const analyzer::MessageInfo& info) {
    std::vector<std::string> now = normalized(caps);
    if (enabled_since_ && last_ && now != *last_) {
      ctx().report(kInfo, info,
                   "capability list differs from the one listed before ENABLE (" + diff(now) + ")");
    }
    enabled_since_ = false;
    last_ = std::move(now);
  }
  std::string diff(const std::vector<std::string>& now) const {
    std::string out;
    for (const std::string& c : now) {
      if (!std::binary_search(last_->begin(), last_->end(), c))
        out += (out.empty() ? "+" : " +") + c;
    }
    for (const std::string& c : *last_) {
      if (!std::binary_search(now.begin(), now.end(), c)) out += (out.empty() ? "-" : " -") + c;
    }
    return out;
  }

  std::optional<std::vector<std::string>> last_;
  bool enabled_since_ = false;
};
IMAPSCOPE_RULE(EnableCapabilityChanged);

}  // namespace
}  // namespace imapscope::checks
